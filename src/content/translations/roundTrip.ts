/**
 * Export and import of one language's translations, independent of where content lives: the
 * export picks the units (one pack or everything), the import checks every unit of a file and
 * plans the new documents. Nothing here marks a translation reviewed: imported text waits for a
 * native speaker's review (`needsReview`).
 */
import { isLocalePath, locales, type LocalePath } from '../../i18n/locales.ts';
import { glossaryTerms, isGlossaryTerm } from '../glossary.ts';
import { checkUnit, type FileUnit, type UnitOutcome } from './checks.ts';
import { csvToUnits, unitsToCsv, unitsToXlsx, xlsxToUnits } from './sheet.ts';
import { applyUnit, documentUnits, type PathStep, type TranslationUnit } from './units.ts';
import { unitsToXliff, xliffToUnits } from './xliff.ts';

export const formats = ['xliff', 'csv', 'xlsx'] as const;
export type Format = (typeof formats)[number];

/** The file name ending of each format. */
export const extensions: Record<Format, string> = { xliff: 'xlf', csv: 'csv', xlsx: 'xlsx' };

type Doc = Record<string, unknown>;

/** The format of a file by its name: `.xlf`/`.xliff`, `.csv`, `.xlsx`. */
export function formatOf(file: string): Format | undefined {
  const ending = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ending === 'xlf' || ending === 'xliff') return 'xliff';
  return ending === 'csv' || ending === 'xlsx' ? ending : undefined;
}

/**
 * The units of `lang` in `documents`: with `pack`, only the lesson pack with that slug (throws if
 * there is none); otherwise every document with localized text but the glossary terms, which each
 * unit's context names instead.
 */
export function exportUnits(documents: readonly Doc[], lang: LocalePath, pack?: string): TranslationUnit[] {
  const chosen =
    pack === undefined
      ? documents.filter((doc) => !isGlossaryTerm(doc))
      : documents.filter(
          (doc) => doc['_type'] === 'material' && (doc['slug'] as { current?: unknown } | undefined)?.current === pack,
        );
  if (pack !== undefined && chosen.length === 0) throw new Error(`no lesson pack has the slug "${pack}"`);
  const glossary = glossaryTerms(documents);
  return chosen
    .filter((doc) => !String(doc['_id']).startsWith('drafts.'))
    .flatMap((doc) => documentUnits(doc, lang, glossary));
}

/** The file of the units in a format: text for XLIFF and CSV, bytes for XLSX. */
export async function writeUnits(
  units: readonly TranslationUnit[],
  lang: LocalePath,
  format: Format,
): Promise<string | Buffer> {
  if (format === 'xliff') return unitsToXliff(units, lang);
  if (format === 'csv') return unitsToCsv(units);
  return unitsToXlsx(units, lang);
}

/**
 * The units of a file, and the language it says it is for: XLIFF's target language, the XLSX
 * sheet's name; a CSV file does not say.
 */
export async function readUnits(
  data: Uint8Array,
  format: Format,
): Promise<{ lang?: LocalePath | undefined; units: FileUnit[] }> {
  if (format === 'xlsx') {
    const { sheetName, units } = await xlsxToUnits(data);
    return { lang: isLocalePath(sheetName) ? sheetName : undefined, units };
  }
  const text = new TextDecoder().decode(data);
  if (format === 'csv') return { units: csvToUnits(text) };
  const { targetLanguage, units } = await xliffToUnits(text);
  return { lang: locales.find((locale) => locale.tag === targetLanguage)?.path, units };
}

/** One document the import changes: the new document, and each field's new value in the language. */
export interface DocumentChange {
  readonly document: Doc;
  readonly fields: { readonly steps: PathStep[]; readonly value: unknown }[];
}

/** What an import would do: the outcome per unit and the changed documents. */
export interface ImportPlan {
  readonly outcomes: UnitOutcome[];
  readonly changes: DocumentChange[];
}

/**
 * Checks every unit of a file against `documents` and applies the accepted ones to copies. A
 * changed document's `lang` status becomes `needsReview` (its reviewer and review date are
 * dropped: the text they vouched for is gone).
 */
export function planImport(documents: readonly Doc[], units: readonly FileUnit[], lang: LocalePath): ImportPlan {
  const current = new Map(exportUnits(documents, lang).map((unit) => [unit.id, unit]));
  const byId = new Map(documents.map((doc) => [String(doc['_id']), doc]));
  const changed = new Map<string, { document: Doc; fields: DocumentChange['fields'] }>();
  const outcomes: UnitOutcome[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    if (seen.has(unit.id)) {
      outcomes.push({ id: unit.id, result: 'refused', reason: 'the file has this id twice; keep one row' });
      continue;
    }
    seen.add(unit.id);
    const target = current.get(unit.id);
    const outcome = checkUnit(unit, target, lang);
    outcomes.push(outcome);
    if (outcome.result !== 'updated' || !target) continue;
    let entry = changed.get(target.documentId);
    if (!entry) {
      entry = { document: structuredClone(byId.get(target.documentId)!), fields: [] };
      changed.set(target.documentId, entry);
    }
    const field = applyUnit(entry.document, target, lang, unit.target);
    entry.fields = [
      ...entry.fields.filter((known) => JSON.stringify(known.steps) !== JSON.stringify(field.steps)),
      field,
    ];
  }
  for (const { document } of changed.values()) {
    const translations = (document['translations'] ??= {}) as Record<string, unknown>;
    translations[lang] = { _type: 'translationStatus', status: 'needsReview' };
  }
  return { outcomes, changes: [...changed.values()] };
}
