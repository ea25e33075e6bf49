/**
 * Every GROQ query of the site. The same text runs on groq-js over the embedded dataset and on
 * Sanity's API: assets are projected both as the export's `_sanityAsset` path and as the hosted
 * asset's URL and size, and whichever the source has is filled in.
 */
import { localePaths } from '../i18n/locales.ts';

/** Published documents only: groq-js has no perspectives, so drafts are dropped here. */
const published = `!(_id in path("drafts.**"))`;

const imageProjection = `{
  alt,
  _sanityAsset,
  "asset": asset->{ url, "width": metadata.dimensions.width, "height": metadata.dimensions.height }
}`;

const fileProjection = `{ _sanityAsset, "url": asset->url, "mimeType": asset->mimeType }`;

/** Per-language audio: one file per language key of the locale table. */
const audioProjection = `{ ${localePaths.map((path) => `"${path}": ${path}${fileProjection}`).join(', ')} }`;

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
