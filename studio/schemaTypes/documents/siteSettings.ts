import { defineField, defineType } from 'sanity';
import { translationsField } from '../fields/translations.ts';
import { requireSourceText, reviewedTranslationsAreComplete } from '../validation/rules.ts';

/** Site-wide texts. A singleton: the desk opens the one document with id `siteSettings`. */
export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  validation: (rule) => rule.custom(reviewedTranslationsAreComplete),
  fields: [
    defineField({
      name: 'title',
      title: 'Site title',
      type: 'localeString',
      validation: (rule) => rule.custom(requireSourceText),
    }),
    defineField({
      name: 'banner',
      title: 'Banner',
      type: 'localeText',
      description: 'A short notice at the top of every page, e.g. the 111 hotline. Leave empty for none.',
    }),
    translationsField(),
  ],
  preview: {
    prepare: () => ({ title: 'Site settings' }),
  },
});
