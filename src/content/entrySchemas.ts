/**
 * The shape of each collection's entries (one per document and language), stated once: the
 * collections in content.config.ts use these schemas, and entries.ts's builders are typed by
 * them. Strict objects: a field a builder adds and the schema lacks fails the build, naming the
 * entry and field, instead of being silently dropped.
 */
import { z } from 'zod';
import { localePaths, type LocalePath } from '../i18n/locales.ts';
import { audiences, settings, translationStatusValues } from './model.ts';

const lang = z.enum(localePaths as [LocalePath, ...LocalePath[]]);

/** A text and the language it is really in (it differs from the page's when it fell back). */
const localized = <T extends z.ZodType>(value: T) => z.strictObject({ value, lang });
const text = localized(z.string());

/** Astro's `image()` of the schema context: a local path in, image metadata out. */
type ImageField<I extends z.ZodType> = () => I;

const imageEntry = <I extends z.ZodType>(image: ImageField<I>) =>
  z.union([
    z.strictObject({ alt: text, local: image() }),
    z.strictObject({ alt: text, remote: z.strictObject({ url: z.url(), width: z.number(), height: z.number() }) }),
  ]);

/**
 * What every entry says about its translation: some text fell back to Vietnamese, the reviewed
 * translation is outdated, or (dev-server preview only) it shows text no one reviewed yet.
 */
const translationState = { fellBack: z.boolean(), outdated: z.boolean(), preview: z.boolean() };

export const materialEntrySchema = <I extends z.ZodType>(image: ImageField<I>) =>
  z.strictObject({
    lang,
    slug: z.string(),
    documentId: z.string(),
    isSample: z.boolean(),
    translationStatus: z.enum(translationStatusValues),
    reviewedAt: z.string().optional(),
    ...translationState,
    title: text,
    summary: text,
    audience: z.array(z.enum(audiences)),
    setting: z.array(z.enum(settings)),
    durationMinutes: z.number().optional(),
    ageRange: z.strictObject({ min: z.number(), max: z.number() }).optional(),
    topics: z.array(z.string()),
    helpContacts: z.array(z.string()),
    cover: imageEntry(image).optional(),
    slides: z.array(
      z.strictObject({
        key: z.string(),
        heading: text,
        body: localized(z.array(z.record(z.string(), z.unknown()))).optional(),
        teacherNotes: text.optional(),
        image: imageEntry(image).optional(),
        audio: z
          .strictObject({
            src: z.string(),
            lang,
            sentences: z.array(z.strictObject({ start: z.number(), end: z.number() })).optional(),
          })
          .optional(),
      }),
    ),
    discussionQuestions: z.array(text),
    quiz: z.array(
      z.strictObject({
        question: text,
        options: z.array(text),
        correctOption: z.number(),
        explanation: text.optional(),
      }),
    ),
    keyMessages: z.array(text),
  });

export const topicEntrySchema = z.strictObject({
  lang,
  slug: z.string(),
  title: text,
  description: text.optional(),
  ...translationState,
});

export const helpContactEntrySchema = z.strictObject({
  lang,
  number: z.string(),
  name: text,
  hours: text.optional(),
  serves: text.optional(),
  order: z.number(),
  ...translationState,
});

export const siteSettingsEntrySchema = z.strictObject({
  lang,
  title: text,
  banner: text.optional(),
  ...translationState,
});

/** What the builders in entries.ts hand to the collections (images as local paths). */
export type MaterialEntryInput = z.input<ReturnType<typeof materialEntrySchema<z.ZodString>>>;
export type TopicEntryInput = z.input<typeof topicEntrySchema>;
export type HelpContactEntryInput = z.input<typeof helpContactEntrySchema>;
export type SiteSettingsEntryInput = z.input<typeof siteSettingsEntrySchema>;
