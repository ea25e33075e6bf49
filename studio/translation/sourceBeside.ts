/**
 * What the translator sees beside a language's field: the Vietnamese source of the same
 * localized field, as plain read-only text (Portable Text one paragraph per line). Kept apart
 * from the React component so that it is tested without a browser.
 */
import { glossaryMatches, type GlossaryTerm } from '../../src/content/glossary.ts';
import { localizedTextTypes } from '../../src/content/translation.ts';
import { sourceLocale, translatedLocalePaths } from '../../src/i18n/locales.ts';

/** Whether a member of a localized object gets the Vietnamese source beside it. */
export function showsSourceBeside(typeName: string, memberName: string): boolean {
  return localizedTextTypes.has(typeName) && (translatedLocalePaths as readonly string[]).includes(memberName);
}

/**
 * The Vietnamese of a localized value as plain text; empty when there is none.
 *
 * @example
 * sourceText({ vi: [{ _type: 'block', children: [{ text: 'Gọi ' }, { text: '111' }] }] }); // 'Gọi 111'
 */
export function sourceText(value: unknown): string {
  const source =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[sourceLocale] : undefined;
  if (typeof source === 'string') return source;
  if (!Array.isArray(source)) return '';
  return source
    .map((block: { children?: { text?: unknown }[] }) =>
      (block.children ?? []).map((span) => (typeof span.text === 'string' ? span.text : '')).join(''),
    )
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** Which of the translation inputs a schema type gets, if any (formComponents.tsx attaches it). */
export function translationInputFor(typeName: string): 'status' | 'sourceBeside' | undefined {
  if (typeName === 'translationStatus') return 'status';
  return localizedTextTypes.has(typeName) ? 'sourceBeside' : undefined;
}

/** One glossary term as the translator of a language sees it beside the field. */
export interface GlossaryHint {
  /** The Vietnamese term, e.g. `mua bán người`. */
  readonly source: string;
  /** The agreed word in the field's language; undefined when none is agreed yet. */
  readonly target: string | undefined;
  readonly note: string | undefined;
}

/**
 * The glossary terms shown beside the `lang` field of a text whose Vietnamese is `source`.
 *
 * @example
 * glossaryHints('Gọi 111', [{ term: { vi: '111', hmong: '111' } }], 'hmong');
 * // [{ source: '111', target: '111', note: undefined }]
 */
export function glossaryHints(source: string, terms: readonly GlossaryTerm[], lang: string): GlossaryHint[] {
  return glossaryMatches(source, terms).map(({ term, note }) => ({
    source: term[sourceLocale] ?? '',
    target: term[lang]?.trim() ? term[lang] : undefined,
    note: note?.trim() ? note : undefined,
  }));
}
