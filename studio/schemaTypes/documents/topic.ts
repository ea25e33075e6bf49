import { defineField, defineType } from 'sanity';
import { sourceLocale } from '../../../src/i18n/locales.ts';
import { slugField } from '../fields/slug.ts';
import { translationsField } from '../fields/translations.ts';
import { requireSourceText, reviewedTranslationsAreComplete } from '../validation/rules.ts';

/** A theme that groups lesson packs, e.g. online "boyfriends" or jobs across the border. */
export const topic = defineType({
  name: 'topic',
  title: 'Topic',
  type: 'document',
  validation: (rule) => rule.custom(reviewedTranslationsAreComplete),
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'localeString',
      validation: (rule) => rule.custom(requireSourceText),
    }),
    slugField(),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'localeText',
      description: 'One or two sentences shown on the topic page.',
    }),
    translationsField(),
  ],
  preview: {
    select: { title: `title.${sourceLocale}`, subtitle: 'slug.current' },
  },
});
