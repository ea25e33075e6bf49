import { defineArrayMember, defineField, defineType } from 'sanity';
import { sourceLocale } from '../../../src/i18n/locales.ts';
import { quizOptionCount } from '../../../src/content/model.ts';
import { correctOptionExists, hasSourceText, requireSourceText } from '../validation/rules.ts';

/** A multiple-choice question to check what learners took away. */
export const quizQuestion = defineType({
  name: 'quizQuestion',
  title: 'Quiz question',
  type: 'object',
  fields: [
    defineField({
      name: 'question',
      title: 'Question',
      type: 'localeString',
      validation: (rule) => rule.custom(requireSourceText),
    }),
    defineField({
      name: 'options',
      title: 'Answer options',
      type: 'array',
      description: `${quizOptionCount.min} to ${quizOptionCount.max} answers, in the order learners see them.`,
      of: [
        defineArrayMember({
          type: 'localeString',
          validation: (rule) => rule.custom(requireSourceText),
        }),
      ],
      validation: (rule) => rule.required().min(quizOptionCount.min).max(quizOptionCount.max),
    }),
    defineField({
      name: 'correctOption',
      title: 'Correct answer',
      type: 'number',
      description: 'Number of the correct answer in the list above, counting from 1.',
      validation: (rule) => rule.required().integer().min(1).custom(correctOptionExists),
    }),
    defineField({
      name: 'explanation',
      title: 'Explanation',
      type: 'localeText',
      description: 'Why the answer is right. Learners remember the reason better than the answer.',
      validation: (rule) => rule.custom((value) => hasSourceText(value) || 'Add why the answer is right.').warning(),
    }),
  ],
  preview: {
    select: { title: `question.${sourceLocale}`, options: 'options' },
    prepare: ({ title, options }: { title?: string; options?: unknown[] }) => ({
      title: title ?? 'Question without Vietnamese text',
      subtitle: `${options?.length ?? 0} options`,
    }),
  },
});
