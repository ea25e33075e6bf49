/**
 * The shape of what the queries return, checked with zod at the edge so that a bad document
 * fails the build with its id and the field named, and a hint of what to do.
 */
import { z } from 'zod';
import { hasText } from './translation.ts';
import {
  ageRule,
  audiences,
  dialableRule,
  durationMinutesRule,
  mentionsRetiredHotline,
  modelMessages,
  quizOptionCount,
  retiredHotlineMessage,
  settings,
  slideCount,
  slugRule,
  translationStatusValues,
} from './model.ts';
import { localePaths, sourceLocale, translatedLocalePaths, type LocalePath } from '../i18n/locales.ts';

const portableText = z.array(z.looseObject({ _type: z.string(), _key: z.string().optional() }));

/** A localized field as stored: one optional value per language of the locale table. */
export type LocalizedField<T> = { _type?: string | undefined } & Partial<Record<LocalePath, T | null | undefined>>;

/** A localized object: one optional value per language of the locale table. */
function localized<T extends z.ZodType>(value: T): z.ZodType<LocalizedField<z.output<T>>> {
  const shape: Record<string, z.ZodType> = { _type: z.string().optional() };
  for (const path of localePaths) shape[path] = value.nullish();
  return z.object(shape);
}

/** Whether a localized value is there: text (as the Studio counts it) or a file. */
export function hasValue(value: unknown): boolean {
  if (typeof value === 'string' || Array.isArray(value)) return hasText(value);
  return typeof value === 'object' && value !== null;
}

/** The same, with the Vietnamese text required (the source of every translation). */
function withVietnamese<T extends z.ZodType>(value: T) {
  return localized(value).refine((field) => hasValue(field[sourceLocale]), {
    error: 'Vietnamese text is required: write it in Studio before translating',
    path: [sourceLocale],
  });
}

export const localeStringSchema = localized(z.string());
export const localeTextSchema = localized(z.string());
export const localeBlocksSchema = localized(portableText);

const assetSchema = z.object({ url: z.url(), width: z.number().positive(), height: z.number().positive() });

export const imageSchema = z
  .object({ alt: localeStringSchema.nullish(), _sanityAsset: z.string().nullish(), asset: assetSchema.nullish() })
  .refine((image) => image._sanityAsset || image.asset, { error: 'the image has no file: upload it again' })
  .refine((image) => hasValue(image.alt?.[sourceLocale]), {
    error: 'alt text is required: describe the picture in Vietnamese for screen-reader users',
    path: ['alt', sourceLocale],
  });

const fileSchema = z.object({
  _sanityAsset: z.string().nullish(),
  url: z.string().nullish(),
  mimeType: z.string().nullish(),
});

/** One sentence's place in a narration clip, in seconds (read-along; src/content/narration.ts checks them). */
export const sentenceTimingSchema = z.object({ start: z.number().nullish(), end: z.number().nullish() });

/** A narration clip: the file and, when recorded by sentence, each sentence's start and end. */
const narrationFileSchema = fileSchema.extend({ sentences: z.array(sentenceTimingSchema).nullish() });

export const translationStatusSchema = z.object({
  status: z.enum(translationStatusValues).default('missing'),
  reviewer: z.string().nullish(),
  reviewedAt: z.string().nullish(),
  /** The hash of the Vietnamese text the review was made against (src/content/sourceHash.ts). */
  sourceHash: z.string().nullish(),
});

const translationsSchema = z
  .object(Object.fromEntries(translatedLocalePaths.map((path) => [path, translationStatusSchema.nullish()])))
  .nullish();

/** A slug as the Studio checks it (model.ts). */
const slugSchema = z.string().max(slugRule.maxLength).regex(slugRule.pattern, slugRule.message);

export const topicSchema = z.object({
  _id: z.string(),
  slug: slugSchema,
  title: withVietnamese(z.string()),
  description: localeTextSchema.nullish(),
  translations: translationsSchema,
});

export const helpContactSchema = z.object({
  _id: z.string(),
  name: withVietnamese(z.string()),
  number: z
    .string()
    .regex(dialableRule.pattern, dialableRule.message)
    .refine((number) => !mentionsRetiredHotline(number), retiredHotlineMessage),
  hours: localeStringSchema.nullish(),
  serves: localeTextSchema.nullish(),
  order: z.number().int().nullish(),
  translations: translationsSchema,
});

/** A reference resolved by the query: a null target is a dangling reference. */
function noDangling(kind: string) {
  return (ref: { _ref: string; target: unknown }, context: z.RefinementCtx) => {
    if (ref.target === null) {
      context.addIssue({
        code: 'custom',
        message: `refers to ${kind} "${ref._ref}", which does not exist or is not published`,
      });
    }
  };
}

const topicReference = z.object({ _ref: z.string(), target: topicSchema.nullable() }).superRefine(noDangling('topic'));
const helpContactReference = z
  .object({ _ref: z.string(), target: helpContactSchema.nullable() })
  .superRefine(noDangling('help contact'));

export const slideSchema = z.object({
  _key: z.string(),
  heading: withVietnamese(z.string()),
  body: localeBlocksSchema.nullish(),
  teacherNotes: localeTextSchema.nullish(),
  image: imageSchema.nullish(),
  audio: localized(narrationFileSchema).nullish(),
});

export const quizQuestionSchema = z
  .object({
    _key: z.string().optional(),
    question: withVietnamese(z.string()),
    options: z.array(withVietnamese(z.string())).min(quizOptionCount.min).max(quizOptionCount.max),
    correctOption: z.number().int().min(1),
    explanation: localeTextSchema.nullish(),
  })
  .refine((quiz) => quiz.correctOption <= quiz.options.length, {
    error: (issue) => modelMessages.correctOption((issue.input as { options: unknown[] }).options.length),
    path: ['correctOption'],
  });

/** A whole number of years within the model's age rule. */
const age = z.number().int().min(ageRule.min).max(ageRule.max);

export const materialSchema = z.object({
  _id: z.string(),
  slug: slugSchema,
  isSample: z.boolean().nullish(),
  title: withVietnamese(z.string()),
  summary: withVietnamese(z.string()),
  audience: z.array(z.enum(audiences)).nullish(),
  setting: z.array(z.enum(settings)).nullish(),
  durationMinutes: z.number().int().min(durationMinutesRule.min).nullish(),
  ageRange: z
    .object({ min: age, max: age })
    .refine((range) => range.min <= range.max, { error: modelMessages.ageOrder, path: ['min'] })
    .nullish(),
  topics: z.array(topicReference).nullish(),
  coverImage: imageSchema.nullish(),
  slides: z.array(slideSchema).min(slideCount.min, modelMessages.slidesRequired),
  discussionQuestions: z.array(withVietnamese(z.string())).nullish(),
  quiz: z.array(quizQuestionSchema).nullish(),
  keyMessages: z.array(withVietnamese(z.string())).nullish(),
  helpContacts: z.array(helpContactReference).nullish(),
  translations: translationsSchema,
});

export const siteSettingsSchema = z.object({
  _id: z.string(),
  title: withVietnamese(z.string()),
  banner: localeTextSchema.nullish(),
  translations: translationsSchema,
});

export type MaterialDocument = z.infer<typeof materialSchema>;
export type TopicDocument = z.infer<typeof topicSchema>;
export type HelpContactDocument = z.infer<typeof helpContactSchema>;
export type SiteSettingsDocument = z.infer<typeof siteSettingsSchema>;
export type ImageDocument = z.infer<typeof imageSchema>;

/** A document that failed its checks; the message names the document and every bad field. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** Formats a zod path as `slides[2].heading.vi`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    '',
  );
}

/**
 * Checks query results against a schema. Throws one ContentError listing every problem as
 * `<document id>: <field>: <message>`.
 */
export function checkDocuments<S extends z.ZodType>(schema: S, documents: readonly unknown[]): z.infer<S>[] {
  const problems: string[] = [];
  const checked: z.infer<S>[] = [];
  for (const document of documents) {
    const result = schema.safeParse(document);
    if (result.success) {
      checked.push(result.data);
      continue;
    }
    const id = (document as { _id?: unknown })._id;
    const name = typeof id === 'string' ? id : '(document without _id)';
    for (const issue of result.error.issues) {
      problems.push(`${name}: ${formatPath(issue.path) || '(document)'}: ${issue.message}`);
    }
  }
  if (problems.length > 0) {
    throw new ContentError(`The content has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
  return checked;
}
