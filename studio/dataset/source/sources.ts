/**
 * The readable sources of the sample dataset (`common.json`, `packs/<slug>.json`,
 * `fixture/fixture.json`) as zod schemas: the generator reads them through these, so a typo in a
 * language key or a missing field stops it with the file and the path named.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { localePaths, type LocalePath } from '../../../src/i18n/locales.ts';

const language = z.enum(localePaths as [LocalePath, ...LocalePath[]]);

/** A text in some languages of the locale table, e.g. `{ "vi": "…", "en": "…" }`. */
const texts = z.partialRecord(language, z.string());
/** A body: per language, a list of paragraphs (`"- "` starts a bullet) or one string split on blank lines. */
const paragraphs = z.partialRecord(language, z.union([z.string(), z.array(z.string())]));

const status = z.enum(['missing', 'draft', 'needsReview', 'reviewed']);
/** A language's status: a bare word, or with the reviewer, date and the source hash reviewed against. */
const translationSource = z.union([
  status,
  z.object({
    status,
    reviewer: z.string().optional(),
    reviewedAt: z.string().optional(),
    sourceHash: z.string().optional(),
  }),
]);
const translations = z.partialRecord(language, translationSource).optional();

const image = z.object({ scene: z.string(), alt: texts });

const slide = z.object({
  heading: texts,
  body: paragraphs,
  notes: texts.optional(),
  image: image.optional(),
  /** Languages to speak this slide in (else the pack's `audioLanguages` when `audio` is on). */
  audio: z.array(language).optional(),
});

export const packSource = z.object({
  slug: z.string(),
  isSample: z.boolean().optional(),
  title: texts,
  summary: texts,
  audience: z.array(z.string()),
  setting: z.array(z.string()),
  topics: z.array(z.string()),
  durationMinutes: z.number().int(),
  ageRange: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
  cover: image.optional(),
  slides: z.array(slide),
  discussion: z.array(texts),
  quiz: z.array(
    z.object({ question: texts, options: z.array(texts), correct: z.number().int(), explanation: texts.optional() }),
  ),
  keyMessages: z.array(texts),
  helpContacts: z.array(z.string()),
  translations,
  audio: z.boolean().optional(),
  audioLanguages: z.array(language).optional(),
});

const reviewDefaults = z.object({ reviewer: z.string(), reviewedAt: z.string() });
const topic = z.object({ slug: z.string(), title: texts, description: texts.optional(), translations });
const helpContact = z.object({
  number: z.string(),
  name: texts,
  hours: texts.optional(),
  serves: texts.optional(),
  order: z.number().int().optional(),
  translations,
});
const siteSettings = z.object({ title: texts, banner: texts.optional(), translations });
/** A glossary term: how the programme says one word in each language, and a note for translators. */
const glossaryTerm = z.object({ id: z.string(), term: texts, note: z.string().optional() });

export const commonSource = z.object({
  _comment: z.string().optional(),
  reviewDefaults,
  siteSettings,
  topics: z.array(topic),
  helpContacts: z.array(helpContact),
  glossary: z.array(glossaryTerm).optional(),
});

export const fixtureSource = commonSource.extend({ packs: z.array(packSource) });

export type Texts = z.infer<typeof texts>;
export type Paragraphs = z.infer<typeof paragraphs>;
export type TranslationsSource = z.infer<typeof translations>;
export type ImageSource = z.infer<typeof image>;
export type PackSource = z.infer<typeof packSource>;
export type TopicSource = z.infer<typeof topic>;
export type HelpContactSource = z.infer<typeof helpContact>;
export type GlossaryTermSource = z.infer<typeof glossaryTerm>;
export type SiteSettingsSource = z.infer<typeof siteSettings>;
export type ReviewDefaults = z.infer<typeof reviewDefaults>;

/** Reads a source file through its schema; throws naming the file and every wrong path. */
export function readSource<T>(file: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (result.success) return result.data;
  throw new Error(
    `${file}:\n${result.error.issues.map((issue) => `  ${issue.path.join('.') || '(top)'}: ${issue.message}`).join('\n')}`,
  );
}
