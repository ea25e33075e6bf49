import { defineField } from 'sanity';
import { requireSourceAltWhenImageSet } from '../validation/rules.ts';

/**
 * An image field with localized alt text. Its `_type` stays `image`, the shape Sanity's export
 * and the embedded dataset use; the alt text rule lives here so every image gets it.
 */
export function imageWithAltField(options: { name: string; title: string; description: string; group?: string }) {
  return defineField({
    ...options,
    type: 'image',
    options: { hotspot: true },
    fields: [
      defineField({
        name: 'alt',
        title: 'Alternative text',
        type: 'localeString',
        description:
          'What the picture shows, in one sentence, for learners who cannot see it (mô tả hình ảnh). Required in Vietnamese once an image is chosen.',
        validation: (rule) => rule.custom(requireSourceAltWhenImageSet),
      }),
    ],
  });
}
