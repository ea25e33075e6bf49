import { defineField, defineType } from 'sanity';
import { sourceLocale } from '../../../src/i18n/locales.ts';
import { requireSourceText } from '../validation/rules.ts';
import { imageWithAltField } from '../fields/imageWithAlt.ts';

/** One screen of a lesson pack, shown full-screen on a projector or TV. */
export const slide = defineType({
  name: 'slide',
  title: 'Slide',
  type: 'object',
  fields: [
    defineField({
      name: 'heading',
      title: 'Heading',
      type: 'localeString',
      description: 'Short enough to read from the back of a classroom.',
      validation: (rule) => rule.custom(requireSourceText),
    }),
    defineField({
      name: 'body',
      title: 'Text',
      type: 'localeBlockContent',
      description: 'A few short lines. Many learners read slowly: a picture and the audio carry as much.',
    }),
    imageWithAltField({
      name: 'image',
      title: 'Image',
      description: 'Optional. A picture that tells the story without words works for every language.',
    }),
    defineField({
      name: 'audio',
      title: 'Audio',
      type: 'localeAudio',
      description: 'Optional. The slide read aloud, per language, for learners who do not read.',
    }),
    defineField({
      name: 'teacherNotes',
      title: 'Teacher notes',
      type: 'localeText',
      description: 'For the teacher only (ghi chú cho giáo viên); not shown on the projector.',
    }),
  ],
  preview: {
    select: { title: `heading.${sourceLocale}`, media: 'image' },
  },
});
