/**
 * Every GROQ query of the site. The same text runs on groq-js over the embedded dataset and on
 * Sanity's API: assets are projected both as the export's `_sanityAsset` path and as the hosted
 * asset's URL and size, and whichever the source has is filled in.
 */
import { localePaths, translatedLocalePaths } from '../i18n/locales.ts';
import type { TranslationStatusValue } from './translation.ts';

/** Published documents only: groq-js has no perspectives, so drafts are dropped here. */
const published = `!(_id in path("drafts.**"))`;

const imageProjection = `{
  alt,
  _sanityAsset,
  "asset": asset->{ url, "width": metadata.dimensions.width, "height": metadata.dimensions.height }
}`;

const fileFields = `_sanityAsset, "url": asset->url, "mimeType": asset->mimeType`;

/** A narration clip: the file and each sentence's start and end (read-along). */
const narrationProjection = `{ ${fileFields}, "sentences": sentences[]{ start, end } }`;

/** Per-language audio: one file per language key of the locale table. */
const audioProjection = `{ ${localePaths.map((path) => `"${path}": ${path}${narrationProjection}`).join(', ')} }`;

const topicFields = `_id, _type, "slug": slug.current, title, description, translations`;

const helpContactFields = `_id, _type, name, number, hours, serves, order, translations`;

/** A reference with its target, so a dangling reference can be named (`target` is null). */
const reference = (fields: string) => `{ _ref, "target": @->{ ${fields} } }`;

export const materialsQuery = `*[_type == "material" && ${published}] | order(slug.current asc) {
  _id, _type, "slug": slug.current, isSample, title, summary, audience, setting,
  durationMinutes, ageRange,
  "topics": topics[]${reference(topicFields)},
  coverImage${imageProjection},
  slides[]{ _key, heading, body, teacherNotes, image${imageProjection}, audio${audioProjection} },
  discussionQuestions, quiz, keyMessages,
  "helpContacts": helpContacts[]${reference(helpContactFields)},
  translations
}`;

export const topicsQuery = `*[_type == "topic" && ${published}] | order(slug.current asc) { ${topicFields} }`;

export const helpContactsQuery = `*[_type == "helpContact" && ${published}] | order(order asc) { ${helpContactFields} }`;

export const siteSettingsQuery = `*[_id == "siteSettings"][0] { _id, _type, title, banner, translations }`;

/**
 * Every published document, whole, for the translation-status report (`npm run i18n:status`),
 * which walks each one for localized text fields. Drafts are left out like everywhere else.
 */
export const allDocumentsQuery = `*[${published}]`;

/**
 * The Studio desk's lists, as GROQ filters with their parameters: the Studio's structure and the
 * tests that run them with groq-js over the dataset import the same text. Drafts are not left
 * out here: the desk shows a document's draft in place of its published version by itself.
 */
export const deskFilters = {
  /** Lesson packs for one audience; `$audience` is a value of `audiences`, e.g. `jobSeekers`. */
  materialsForAudience: `_type == "material" && $audience in audience`,
  /** Lesson packs on one topic; `$topicId` is the topic's published id. */
  materialsForTopic: `_type == "material" && $topicId in topics[]._ref`,
} as const;

/**
 * The desk's narration list for `lang`: lesson packs with a slide that has no recording in that
 * language (an uploaded asset, or an exported file). `lang` must be a language of the locale table.
 *
 * @example
 * narrationMissingFilter('en');
 * // '_type == "material" && count(slides[!defined(audio.en.asset) && !defined(audio.en._sanityAsset)]) > 0'
 */
export function narrationMissingFilter(lang: string): string {
  if (!(localePaths as readonly string[]).includes(lang))
    throw new Error(`"${lang}" is not a language of src/i18n/locales.ts`);
  return `_type == "material" && count(slides[!defined(audio.${lang}.asset) && !defined(audio.${lang}._sanityAsset)]) > 0`;
}

/**
 * The filter of one translation list: documents of `$types` whose `lang` translation is at
 * `status`. `missing` also takes documents that record no status for the language, so each
 * document is in exactly one list per language. `lang` is written into the filter (GROQ has no
 * attribute access by parameter), so it must be a translated language of the locale table.
 *
 * @example
 * translationListFilter('hmong', 'needsReview');
 * // '_type in $types && translations.hmong.status == "needsReview"'
 */
export function translationListFilter(lang: string, status: TranslationStatusValue): string {
  if (!(translatedLocalePaths as readonly string[]).includes(lang)) {
    throw new Error(`"${lang}" is not a translated language of src/i18n/locales.ts`);
  }
  const field = `translations.${lang}.status`;
  const condition = status === 'missing' ? `(!defined(${field}) || ${field} == "missing")` : `${field} == "${status}"`;
  return `_type in $types && ${condition}`;
}

/**
 * Everything `content:export` writes: the published documents and the asset documents their
 * images and files point at (the export downloads those and drops them, as Sanity's export does).
 * The client asks for the published perspective; the filter also holds against a raw one.
 */
export const exportQuery = `*[${published} && !(_id in path("versions.**")) && !(_id in path("_.**"))] | order(_id asc)`;
