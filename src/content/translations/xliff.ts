/**
 * XLIFF 1.2 (read by OmegaT, Weblate, Poedit, memoQ, Trados) through the `xliff` library: one
 * `<file original="<document id>">` per document, one `<trans-unit>` per text. A marked run of
 * Portable Text is a `<g id="n">` around its words; the translator context and status are notes;
 * `extradata` keeps the fingerprint of the translation at export, to notice later edits.
 */
import jsToXliff12 from 'xliff/jsToXliff12';
import xliff12ToJs from 'xliff/xliff12ToJs';
import { getLocale, sourceLocale, type LocalePath } from '../../i18n/locales.ts';
import { targetFingerprint, type FileUnit } from './checks.ts';
import type { SegmentPart } from './segments.ts';
import type { TranslationUnit } from './units.ts';

type Inline = string | { GenericSpan: { id: string; ctype: string; contents: string } };

function toInline(parts: readonly SegmentPart[]): Inline[] | string {
  if (parts.every((part) => typeof part === 'string')) return parts.join('');
  return parts.map((part) =>
    typeof part === 'string' ? part : { GenericSpan: { id: part.id, ctype: 'x-marks', contents: part.text } },
  );
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join('');
  return '';
}

/** Inline content back to parts; any inline element counts as a placeholder by its id. */
function fromInline(value: unknown): SegmentPart[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return textOf(value) === '' ? [] : [textOf(value)];
  return value.flatMap((item): SegmentPart[] => {
    if (typeof item === 'string') return item === '' ? [] : [item];
    const element = Object.values(item as Record<string, { id?: string | number; contents?: unknown }>)[0];
    return [{ id: String(element?.id ?? ''), text: textOf(element?.contents) }];
  });
}

/** The units of one language as an XLIFF 1.2 document. */
export async function unitsToXliff(units: readonly TranslationUnit[], lang: LocalePath): Promise<string> {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const unit of units) {
    resources[unit.documentId] ??= {};
    resources[unit.documentId]![unit.field] = {
      source: toInline(unit.source),
      target: toInline(unit.target),
      note: `${unit.context}. Status: ${unit.status}.`,
      additionalAttributes: {
        resname: unit.field,
        extradata: targetFingerprint(unit.target),
        ...(unit.status === 'reviewed' ? { approved: 'yes' } : {}),
      },
    };
  }
  return jsToXliff12({ resources, sourceLanguage: getLocale(sourceLocale).tag, targetLanguage: getLocale(lang).tag });
}

/** The units of an XLIFF 1.2 file, and its target language tag. */
export async function xliffToUnits(xml: string): Promise<{ targetLanguage: string | undefined; units: FileUnit[] }> {
  const js = (await xliff12ToJs(xml)) as {
    targetLanguage?: string;
    resources: Record<
      string,
      Record<string, { source?: unknown; target?: unknown; additionalAttributes?: Record<string, string> }>
    >;
  };
  const units: FileUnit[] = [];
  for (const [documentId, entries] of Object.entries((js.resources as typeof js.resources | undefined) ?? {})) {
    for (const [field, entry] of Object.entries(entries)) {
      units.push({
        id: `${documentId}|${field}`,
        source: fromInline(entry.source),
        target: fromInline(entry.target),
        exportedTarget: entry.additionalAttributes?.['extradata'],
      });
    }
  }
  return { targetLanguage: js.targetLanguage, units };
}
