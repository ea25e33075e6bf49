import { defineField, defineType } from 'sanity';
import { sourceLocale } from '../../../src/i18n/locales.ts';
import { requireSourceText } from '../validation/rules.ts';

/**
 * A word the programme translates one way everywhere, e.g. "mua bán người" (trafficking), "môi
 * giới" (broker), "111". Shown beside every translated field whose Vietnamese contains it, and
 * carried in the translators' exports (src/content/glossary.ts).
 */
export const glossaryTerm = defineType({
  name: 'glossaryTerm',
  title: 'Glossary term (thuật ngữ)',
  type: 'document',
  fields: [
    defineField({
      name: 'term',
      title: 'Term',
      type: 'localeString',
      description: 'The Vietnamese term as it is written in the lesson packs, and how to say it in each language.',
      validation: (rule) => rule.custom(requireSourceText),
    }),
    defineField({
      name: 'note',
      title: 'Note for translators',
      type: 'text',
      rows: 3,
      description: 'Why this word, what to avoid (e.g. a word that also means "to sell goods").',
    }),
  ],
  preview: {
    select: { title: `term.${sourceLocale}`, subtitle: 'note' },
  },
});
