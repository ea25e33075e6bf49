import { defineField } from 'sanity';

/** The `translations` field every document type with localized text carries. */
export function translationsField(options: { group?: string } = {}) {
  return defineField({
    name: 'translations',
    title: 'Translation status',
    type: 'translations',
    ...options,
  });
}
