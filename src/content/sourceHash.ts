/**
 * Outdated translations. Marking a language reviewed records `sourceHash`, a hash of the
 * Vietnamese text the reviewer checked the translation against; when the Vietnamese later changes,
 * that language is "outdated" until a reviewer confirms it again or an editor calls the change a
 * minor edit. One function for the Studio (browser), the site and the scripts: pure, synchronous
 * and free of Sanity imports, so it also runs under `node --experimental-strip-types`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { sourceLocale, translatedLocalePaths } from '../i18n/locales.ts';
import { hasText, localizedTextTypes, translationStatus } from './translation.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with sorted keys and without `_key`s, so that key order and editor-made keys don't count. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((key) => key !== '_key')
      .sort()
      .map((key) => [key, canonical(value[key])]),
  );
}

function collectSource(value: unknown, path: string, out: [string, unknown][]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectSource(item, `${path}[${index}]`, out));
    return;
  }
  // Text behind a reference belongs to the referenced document (the site's queries resolve
  // references into `target`; the stored document has only `_ref`).
  if (!isRecord(value) || '_ref' in value) return;
  const type = value['_type'];
  if (typeof type === 'string' && localizedTextTypes.has(type)) {
    if (hasText(value[sourceLocale])) out.push([path, canonical(value[sourceLocale])]);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('_') || key === 'translations') continue;
    collectSource(child, path === '' ? key : `${path}.${key}`, out);
  }
}

/**
 * The hash of a document's Vietnamese text: every localized text field (however deep) with its
 * path, in path order; 16 hex digits of SHA-256. The same for the stored document and for what the
 * site's queries return of it (a test holds them together).
 *
 * @example
 * sourceHash({ title: { _type: 'localeString', vi: 'Việc làm giả', hmong: 'Hauj lwm cuav' } }); // '3f1c…' (16 digits)
 */
export function sourceHash(doc: unknown): string {
  const entries: [string, unknown][] = [];
  collectSource(doc, '', entries);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(entries)))).slice(0, 16);
}

/** The source hash a document's `lang` translation was reviewed against, if one was recorded. */
export function reviewedSourceHash(doc: unknown, lang: string): string | undefined {
  if (!isRecord(doc) || !isRecord(doc['translations'])) return undefined;
  const entry = doc['translations'][lang];
  return isRecord(entry) && typeof entry['sourceHash'] === 'string' ? entry['sourceHash'] : undefined;
}

/**
 * Whether `lang` on `doc` is reviewed against an earlier Vietnamese text. A reviewed language that
 * records no hash (reviewed before hashes were kept) is not called outdated: nothing says it is;
 * the Studio warns about it instead.
 */
export function isOutdated(doc: unknown, lang: string, hash: string = sourceHash(doc)): boolean {
  if (translationStatus(doc, lang) !== 'reviewed') return false;
  const reviewed = reviewedSourceHash(doc, lang);
  return reviewed !== undefined && reviewed !== hash;
}

/** The translated languages of `doc` that are outdated, in locale-table order. */
export function outdatedLanguages(doc: unknown): string[] {
  const hash = sourceHash(doc);
  return translatedLocalePaths.filter((lang) => isOutdated(doc, lang, hash));
}

/**
 * A minor edit (spelling, punctuation) of the Vietnamese leaves translations current: every
 * language that was reviewed against the text `before` the edit is moved to the text `after` it.
 * Languages already outdated before the edit stay outdated. Returns the new hash per language,
 * e.g. `{ hmong: '…' }`, for a patch `translations.<lang>.sourceHash`.
 */
export function minorEditHashes(before: unknown, after: unknown): Record<string, string> {
  const previous = sourceHash(before);
  const next = sourceHash(after);
  const moved: Record<string, string> = {};
  if (previous === next) return moved;
  for (const lang of translatedLocalePaths) {
    if (translationStatus(after, lang) === 'reviewed' && reviewedSourceHash(after, lang) === previous)
      moved[lang] = next;
  }
  return moved;
}
