/**
 * Localized field types, generated from the locale table (`src/i18n/locales.ts`) so that adding a
 * language there adds it here. Each is an object with one field per language, named by the
 * language's path (`vi`, `hmong`, `dao`, `thai`, `en`), which is the key the site's queries read.
 *
 * The languages are plain fields, not fieldsets: the language filter in the document toolbar
 * (`@sanity/language-filter`) shows or hides the fields of these types by field name, with
 * Vietnamese, the source, always shown; languages inside a fieldset would escape the filter.
 */
import { defineArrayMember, defineField, defineType } from 'sanity';
import { getLocale, locales, sourceLocale, translatedLocalePaths, type Locale } from '../../../src/i18n/locales.ts';

/** How a language is labelled for editors: its Vietnamese name, and its own name if different. */
export function languageTitle(locale: Locale): string {
  return locale.endonym === locale.nameVi ? locale.nameVi : `${locale.nameVi} · ${locale.endonym}`;
}

function languageDescription(locale: Locale): string {
  return locale.path === sourceLocale
    ? 'Source text (văn bản gốc). Write it first; every translation starts from it.'
    : 'Published only when this language’s translation status is “reviewed”; until then readers see the Vietnamese.';
}

/** Title and description of one language's field. */
function languageLabel(locale: Locale): { title: string; description: string } {
  return { title: languageTitle(locale), description: languageDescription(locale) };
}

export const localeString = defineType({
  name: 'localeString',
  title: 'Text in each language',
  type: 'object',
  fields: locales.map((locale) => defineField({ ...languageLabel(locale), name: locale.path, type: 'string' })),
  preview: { select: { title: sourceLocale } },
});

export const localeText = defineType({
  name: 'localeText',
  title: 'Longer text in each language',
  type: 'object',
  fields: locales.map((locale) => defineField({ ...languageLabel(locale), name: locale.path, type: 'text', rows: 3 })),
  preview: { select: { title: sourceLocale } },
});

/** Formatting kept to what reads well on a projector and prints on a handout. */
const lessonBlock = defineArrayMember({
  type: 'block',
  styles: [
    { title: 'Normal', value: 'normal' },
    { title: 'Heading', value: 'h3' },
  ],
  lists: [
    { title: 'Bullets', value: 'bullet' },
    { title: 'Numbered', value: 'number' },
  ],
  marks: {
    decorators: [
      { title: 'Strong', value: 'strong' },
      { title: 'Emphasis', value: 'em' },
    ],
    annotations: [],
  },
});

export const localeBlockContent = defineType({
  name: 'localeBlockContent',
  title: 'Formatted text in each language',
  type: 'object',
  fields: locales.map((locale) =>
    defineField({ ...languageLabel(locale), name: locale.path, type: 'array', of: [lessonBlock] }),
  ),
});

export const localeAudio = defineType({
  name: 'localeAudio',
  title: 'Audio in each language',
  type: 'object',
  fields: locales.map((locale) =>
    defineField({
      name: locale.path,
      title: languageTitle(locale),
      description:
        locale.path === sourceLocale
          ? 'The text read aloud in Vietnamese. Keep recordings short (MP3, mono): phones have little storage.'
          : 'The text read aloud in this language, for learners who do not read it. Optional.',
      type: 'file',
      options: { accept: 'audio/*' },
      fields: [
        defineField({
          name: 'sentences',
          title: 'Sentence timings',
          description:
            'Where each sentence of the slide (heading, then body) starts and ends in the recording, in seconds, for read-along. Timings that do not fit the text are not used.',
          type: 'array',
          of: [
            defineArrayMember({
              type: 'object',
              name: 'sentenceTiming',
              fields: [
                defineField({ name: 'start', title: 'Start (s)', type: 'number', validation: (rule) => rule.min(0) }),
                defineField({ name: 'end', title: 'End (s)', type: 'number', validation: (rule) => rule.min(0) }),
              ],
            }),
          ],
        }),
      ],
    }),
  ),
});

/**
 * The translation status of each translated language (not Vietnamese, the source). Used as the
 * `translations` field of every document type with localized text.
 */
export const translations = defineType({
  name: 'translations',
  title: 'Translation status',
  type: 'object',
  description:
    'Only text in a language marked “reviewed” by a native speaker is published; the rest falls back to Vietnamese. Wrong advice in a learner’s own language does harm.',
  fields: translatedLocalePaths.map((path) =>
    defineField({ name: path, title: languageTitle(getLocale(path)), type: 'translationStatus' }),
  ),
});

/** Names of the localized field types, one object field per language each. */
export const localizedTypeNames = [
  localeString.name,
  localeText.name,
  localeBlockContent.name,
  localeAudio.name,
] as const;
