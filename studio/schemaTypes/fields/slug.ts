import { defineField, type SlugValue } from 'sanity';
import { sourceLocale } from '../../../src/i18n/locales.ts';
import { isValidSlug, slugRule } from '../../../src/content/model.ts';

/**
 * The `slug` of a document, generated from its Vietnamese title. Sanity's own check that the slug
 * is unique among documents of the type applies on top of these rules.
 */
export function slugField(options: { group?: string } = {}) {
  return defineField({
    ...options,
    name: 'slug',
    title: 'Web address (slug)',
    type: 'slug',
    description:
      'The last part of the page address, e.g. “viec-lam-gia”. Press Generate to make it from the Vietnamese title. Changing it later breaks links that teachers have saved.',
    options: { source: `title.${sourceLocale}`, maxLength: slugRule.maxLength },
    validation: (rule) =>
      rule
        .required()
        .custom((value: SlugValue | undefined) => !value?.current || isValidSlug(value.current) || slugRule.message),
  });
}
