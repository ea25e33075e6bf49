import { defineArrayMember, defineField, defineType, type PreviewValue } from 'sanity';
import { sourceLocale } from '../../../src/i18n/locales.ts';
import { imageWithAltField } from '../fields/imageWithAlt.ts';
import { slugField } from '../fields/slug.ts';
import { translationsField } from '../fields/translations.ts';
import { vocabularyTitle, type VocabularyPrefix } from '../fields/vocabularyTitle.ts';
import {
  ageRule,
  audiences,
  durationMinutesRule,
  modelMessages,
  settings,
  slideCount,
} from '../../../src/content/model.ts';
import { requireSourceText, reviewedTranslationsAreComplete } from '../validation/rules.ts';

/** Options for a fixed list, titled in English and Vietnamese from the site's UI strings. */
function options(values: readonly string[], prefix: VocabularyPrefix) {
  return values.map((value) => ({ value, title: vocabularyTitle(prefix, value) }));
}

/** Editorial advice that an empty list deserves, without blocking publishing. */
function warnIfEmpty(message: string) {
  return (value: unknown[] | undefined) => (value?.length ?? 0) > 0 || message;
}

/** A lesson pack: slides, questions and a quiz that a teacher shows and plays in one session. */
export const material = defineType({
  name: 'material',
  title: 'Lesson pack',
  type: 'document',
  groups: [
    { name: 'content', title: 'Content', default: true },
    { name: 'slides', title: 'Slides' },
    { name: 'activities', title: 'Discussion and quiz' },
    { name: 'use', title: 'Audience and use' },
    { name: 'translations', title: 'Translations' },
  ],
  validation: (rule) => rule.custom(reviewedTranslationsAreComplete),
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'localeString',
      group: 'content',
      validation: (rule) => rule.custom(requireSourceText),
    }),
    slugField({ group: 'content' }),
    defineField({
      name: 'isSample',
      title: 'Sample content',
      type: 'boolean',
      group: 'content',
      description: 'On for example material written to show how the site works, not approved for classes.',
      initialValue: false,
    }),
    defineField({
      name: 'summary',
      title: 'Summary',
      type: 'localeText',
      group: 'content',
      description: 'Two or three sentences a teacher reads to decide whether this pack fits the class.',
      validation: (rule) => rule.custom(requireSourceText),
    }),
    imageWithAltField({
      name: 'coverImage',
      title: 'Cover image',
      group: 'content',
      description: 'Shown in the list of lesson packs. Prefer a drawing to a photo of a real person.',
    }),
    defineField({
      name: 'keyMessages',
      title: 'Key messages',
      type: 'array',
      group: 'content',
      description: 'The two or three things every learner should leave with (thông điệp chính).',
      of: [
        defineArrayMember({
          type: 'localeString',
          validation: (rule) => rule.custom(requireSourceText),
        }),
      ],
      validation: (rule) => rule.custom(warnIfEmpty('Add the key messages learners should remember.')).warning(),
    }),
    defineField({
      name: 'helpContacts',
      title: 'Where to get help',
      type: 'array',
      group: 'content',
      description: 'Hotlines shown at the end of the lesson, e.g. 111.',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'helpContact' }] })],
      validation: (rule) => [
        rule.unique(),
        rule.custom(warnIfEmpty('Every lesson pack should tell learners where to get help, e.g. 111.')).warning(),
      ],
    }),
    defineField({
      name: 'slides',
      title: 'Slides',
      type: 'array',
      group: 'slides',
      description: `Shown one by one, full-screen. About ${slideCount.advisedMin} to ${slideCount.advisedMax} fit one class period.`,
      of: [defineArrayMember({ type: 'slide' })],
      validation: (rule) => [
        rule.required().min(slideCount.min).error(modelMessages.slidesRequired),
        rule.min(slideCount.advisedMin).max(slideCount.advisedMax).warning(modelMessages.slidesAdvised),
      ],
    }),
    defineField({
      name: 'discussionQuestions',
      title: 'Discussion questions',
      type: 'array',
      group: 'activities',
      description: 'Open questions for the group to talk about after the slides.',
      of: [
        defineArrayMember({
          type: 'localeText',
          validation: (rule) => rule.custom(requireSourceText),
        }),
      ],
    }),
    defineField({
      name: 'quiz',
      title: 'Quiz',
      type: 'array',
      group: 'activities',
      of: [defineArrayMember({ type: 'quizQuestion' })],
    }),
    defineField({
      name: 'audience',
      title: 'Audience',
      type: 'array',
      group: 'use',
      of: [defineArrayMember({ type: 'string' })],
      options: { list: options(audiences, 'audience'), layout: 'grid' },
      validation: (rule) => [
        rule.unique(),
        rule.custom(warnIfEmpty('Choose who this is for, so teachers can find it.')).warning(),
      ],
    }),
    defineField({
      name: 'setting',
      title: 'Setting',
      type: 'array',
      group: 'use',
      of: [defineArrayMember({ type: 'string' })],
      options: { list: options(settings, 'setting'), layout: 'grid' },
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'topics',
      title: 'Topics',
      type: 'array',
      group: 'use',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'topic' }] })],
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'durationMinutes',
      title: 'Duration (minutes)',
      type: 'number',
      group: 'use',
      description: 'How long the session takes, discussion and quiz included.',
      validation: (rule) => [
        rule.integer().min(durationMinutesRule.min),
        rule
          .max(durationMinutesRule.advisedMax)
          .warning(`A session longer than ${durationMinutesRule.advisedMax} minutes rarely fits a class period.`),
      ],
    }),
    defineField({
      name: 'ageRange',
      title: 'Age range',
      type: 'object',
      group: 'use',
      options: { columns: 2 },
      fields: [
        defineField({
          name: 'min',
          title: 'From age',
          type: 'number',
          validation: (rule) => rule.integer().min(ageRule.min),
        }),
        defineField({
          name: 'max',
          title: 'To age',
          type: 'number',
          validation: (rule) => rule.integer().max(ageRule.max),
        }),
      ],
      validation: (rule) =>
        rule.custom(
          (value: { min?: number; max?: number } | undefined) =>
            value?.min === undefined || value.max === undefined || value.min <= value.max || modelMessages.ageOrder,
        ),
    }),
    translationsField({ group: 'translations' }),
  ],
  preview: {
    select: { title: `title.${sourceLocale}`, slug: 'slug.current', isSample: 'isSample', media: 'coverImage' },
    prepare: ({
      title,
      slug,
      isSample,
      media,
    }: {
      title?: string;
      slug?: string;
      isSample?: boolean;
      media?: PreviewValue['media'];
    }) => ({
      title: title ?? 'Untitled lesson pack',
      subtitle: isSample ? `Sample · ${slug ?? ''}` : (slug ?? ''),
      ...(media === undefined ? {} : { media }),
    }),
  },
});
