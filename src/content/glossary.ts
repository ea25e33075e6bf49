/**
 * The glossary: terms the programme translates one way everywhere (`glossaryTerm` documents). A
 * term applies to a text when its Vietnamese occurs in the text as a whole word (any case).
 * Shared by the Studio (beside each field) and the translators' exports.
 */
import { getLocale, sourceLocale } from '../i18n/locales.ts';

/** One glossary term: its text per language and a note. */
export interface GlossaryTerm {
  readonly term: Readonly<Record<string, string | undefined>>;
  readonly note?: string | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a document is a glossary term. Terms are the translators' reference, not content: they
 * carry no translation status, so the status report and the exports leave them out.
 */
export const isGlossaryTerm = (document: unknown): boolean =>
  isRecord(document) && document['_type'] === 'glossaryTerm';

/** The glossary terms among `documents` (the `glossaryTerm` documents with a Vietnamese term). */
export function glossaryTerms(documents: readonly unknown[]): GlossaryTerm[] {
  return documents.flatMap((document) => {
    if (!isRecord(document) || !isGlossaryTerm(document) || !isRecord(document['term'])) return [];
    const term = Object.fromEntries(
      Object.entries(document['term']).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    if (!term[sourceLocale]?.trim()) return [];
    return [{ term, note: typeof document['note'] === 'string' ? document['note'] : undefined }];
  });
}

const wordChar = /[\p{L}\p{N}]/u;

/** The source language's case rules (Vietnamese's are the root rules, but say which). */
const sourceFormatLocale = getLocale(sourceLocale).formatLocale;

/**
 * The terms whose Vietnamese occurs in `text` as a whole word, in glossary order.
 *
 * @example
 * glossaryMatches('Gọi 111 nếu bị mua bán người', [{ term: { vi: 'mua bán người' } }, { term: { vi: 'bán' } }]);
 * // [{ term: { vi: 'mua bán người' } }, { term: { vi: 'bán' } }]
 */
export function glossaryMatches(text: string, terms: readonly GlossaryTerm[]): GlossaryTerm[] {
  const haystack = text.normalize('NFC').toLocaleLowerCase(sourceFormatLocale);
  return terms.filter((entry) => {
    const needle = (entry.term[sourceLocale] ?? '').normalize('NFC').toLocaleLowerCase(sourceFormatLocale).trim();
    if (needle === '') return false;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
      const before = haystack[at - 1];
      const after = haystack[at + needle.length];
      if ((before === undefined || !wordChar.test(before)) && (after === undefined || !wordChar.test(after)))
        return true;
    }
    return false;
  });
}

/**
 * The terms as one line for a translator working in `lang`:
 * `Glossary: "mua bán người" = "kev muag neeg" (not "muag khoom"); "111" = (not yet agreed)`.
 */
export function glossaryLine(terms: readonly GlossaryTerm[], lang: string): string {
  if (terms.length === 0) return '';
  const items = terms.map(({ term, note }) => {
    const target = term[lang]?.trim() ? `"${term[lang]}"` : '(not yet agreed)';
    return `"${term[sourceLocale] ?? ''}" = ${target}${note?.trim() ? ` (${note.trim()})` : ''}`;
  });
  return `Glossary: ${items.join('; ')}`;
}
