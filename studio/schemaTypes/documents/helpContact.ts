import { defineField, defineType } from 'sanity';
import { sourceLocale } from '../../../src/i18n/locales.ts';
import { translationsField } from '../fields/translations.ts';
import { dialableRule, mentionsRetiredHotline, retiredHotlineMessage } from '../../../src/content/model.ts';
import { requireSourceText, reviewedTranslationsAreComplete } from '../validation/rules.ts';

/** A hotline or service learners can call, listed at the end of lesson packs. */
export const helpContact = defineType({
  name: 'helpContact',
  title: 'Help contact',
  type: 'document',
  validation: (rule) => rule.custom(reviewedTranslationsAreComplete),
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'localeString',
      description: 'E.g. “Tổng đài quốc gia bảo vệ trẻ em”.',
      validation: (rule) => rule.custom(requireSourceText),
    }),
    defineField({
      name: 'number',
      title: 'Phone number',
      type: 'string',
      description: 'As dialled, e.g. 111 or +84 20 3812 3456. Digits, spaces and + only.',
      validation: (rule) => [
        rule.required(),
        rule.regex(dialableRule.pattern).error(dialableRule.message),
        rule.custom((value: string | undefined) => !value || !mentionsRetiredHotline(value) || retiredHotlineMessage),
      ],
    }),
    defineField({
      name: 'hours',
      title: 'Opening hours',
      type: 'localeString',
      description: 'E.g. “24/7, miễn phí” (free, day and night).',
    }),
    defineField({
      name: 'serves',
      title: 'Who it serves',
      type: 'localeText',
      description: 'Who should call and what for, in words a learner understands.',
    }),
    defineField({
      name: 'order',
      title: 'Order',
      type: 'number',
      description: 'Lower numbers are listed first; put 111 first.',
      validation: (rule) => rule.integer(),
    }),
    translationsField(),
  ],
  orderings: [{ name: 'order', title: 'Listing order', by: [{ field: 'order', direction: 'asc' }] }],
  preview: {
    select: { title: `name.${sourceLocale}`, subtitle: 'number' },
  },
});
