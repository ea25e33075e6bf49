import { defineField, defineType } from 'sanity';
import { translationStatusValues, type TranslationStatusValue } from '../../../src/content/translation.ts';

export { translationStatusValues, type TranslationStatusValue };

/** How each status is named for communicators, in English and Vietnamese. */
export const statusTitles: Record<TranslationStatusValue, string> = {
  missing: 'Missing (chưa dịch)',
  draft: 'Draft (bản nháp)',
  needsReview: 'Needs review (chờ duyệt)',
  reviewed: 'Reviewed (đã duyệt)',
};

function isReviewed(parent: unknown): boolean {
  return (parent as { status?: unknown } | undefined)?.status === 'reviewed';
}

/** The state of one language's translation of a document, and who vouched for it. */
export const translationStatus = defineType({
  name: 'translationStatus',
  title: 'Translation status',
  type: 'object',
  fields: [
    defineField({
      name: 'status',
      title: 'Status',
      type: 'string',
      description:
        'Set “reviewed” only after a native speaker has checked every text. Reviewed text is published as it is.',
      options: {
        list: translationStatusValues.map((value) => ({ value, title: statusTitles[value] })),
        layout: 'radio',
        direction: 'horizontal',
      },
      initialValue: 'missing',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'reviewer',
      title: 'Reviewed by',
      type: 'string',
      description: 'Name of the native speaker who checked the translation (người duyệt).',
      validation: (rule) =>
        rule.custom(
          (value: string | undefined, context) =>
            !isReviewed(context.parent) || Boolean(value?.trim()) || 'Name the native speaker who reviewed it.',
        ),
    }),
    defineField({
      name: 'reviewedAt',
      title: 'Reviewed on',
      type: 'date',
      options: { dateFormat: 'YYYY-MM-DD' },
      validation: (rule) =>
        rule.custom(
          (value: string | undefined, context) =>
            !isReviewed(context.parent) || Boolean(value) || 'Give the date of the review.',
        ),
    }),
    defineField({
      name: 'sourceHash',
      title: 'Reviewed against (Vietnamese version)',
      type: 'string',
      readOnly: true,
      description:
        'Recorded when the language is marked reviewed: which Vietnamese text the review checked. When the Vietnamese changes, the translation is “outdated” (lỗi thời) until a reviewer confirms it.',
      validation: (rule) =>
        rule
          .custom(
            (value: string | undefined, context) =>
              !isReviewed(context.parent) ||
              Boolean(value) ||
              'Reviewed, but not against a recorded Vietnamese version: confirm the review so later changes are noticed.',
          )
          .warning(),
    }),
  ],
  preview: {
    select: { status: 'status', reviewer: 'reviewer' },
    prepare: ({ status, reviewer }: { status?: TranslationStatusValue; reviewer?: string }) => ({
      title: status ? statusTitles[status] : statusTitles.missing,
      ...(reviewer ? { subtitle: reviewer } : {}),
    }),
  },
});
