/**
 * Spreadsheets for translators who work in Excel or LibreOffice: one row per text with its
 * Vietnamese source, the translation to write, status and context. CSV with csv-stringify /
 * csv-parse, XLSX with ExcelJS. A marked run of Portable Text is written `{1}…{/1}`.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { targetFingerprint, type FileUnit } from './checks.ts';
import { cellToSegment, segmentToCell } from './segments.ts';
import type { TranslationUnit } from './units.ts';

/** The columns, in order. Translators write only `target`. */
export const sheetColumns = ['id', 'context', 'status', 'source', 'target', 'exported'] as const;

type Row = Record<(typeof sheetColumns)[number], string>;

function toRow(unit: TranslationUnit): Row {
  return {
    id: unit.id,
    context: unit.context,
    status: unit.status,
    source: segmentToCell(unit.source),
    target: segmentToCell(unit.target),
    exported: targetFingerprint(unit.target),
  };
}

function fromRow(row: Partial<Record<string, unknown>>, where: string): FileUnit {
  const cell = (name: string) => cellText(row[name]);
  if (cell('id') === '') throw new Error(`${where}: no id; the row cannot be matched to a text`);
  return {
    id: cell('id'),
    source: cellToSegment(cell('source')),
    target: cellToSegment(cell('target')),
    exportedTarget: cell('exported') === '' ? undefined : cell('exported'),
  };
}

/** The units as CSV (UTF-8 with a byte-order mark, so that Excel reads Tai Viet and Vietnamese right). */
export function unitsToCsv(units: readonly TranslationUnit[]): string {
  return '\uFEFF' + stringify(units.map(toRow), { header: true, columns: [...sheetColumns] });
}

/** The units of a CSV file; throws naming the line of a row without an id. */
export function csvToUnits(text: string): FileUnit[] {
  const rows = parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  return rows.map((row, index) => fromRow(row, `line ${index + 2}`));
}

/** The units as an XLSX workbook with one sheet, the source and context columns wrapped. */
export async function unitsToXlsx(units: readonly TranslationUnit[], lang: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // The sheet is named after the language, so that the import knows which language it holds.
  const sheet = workbook.addWorksheet(lang, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: Record<string, number> = { id: 30, context: 40, status: 12, source: 60, target: 60, exported: 14 };
  sheet.columns = sheetColumns.map((key) => ({
    header: key,
    key,
    width: widths[key] ?? 20,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const unit of units) sheet.addRow(toRow(unit));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A cell's text however the spreadsheet stored it: rich text runs (a word made bold), a number
 * (a translation that is only "111"), a formula's result, a hyperlink's text.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (typeof value !== 'object') return '';
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return (value as { richText: { text: string }[] }).richText.map((run) => run.text).join('');
  if ('result' in value) return cellText(value.result);
  if ('text' in value) return cellText(value.text);
  return '';
}

/** The units of an XLSX workbook's first sheet, read by its header row, and the sheet's name. */
export async function xlsxToUnits(data: Uint8Array): Promise<{ sheetName: string; units: FileUnit[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  const header = (sheet.getRow(1).values as unknown[]).map((value) => cellText(value));
  const units: FileUnit[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as unknown[];
    const record: Record<string, unknown> = {};
    header.forEach((name, column) => {
      record[name] = cellText(values[column]);
    });
    units.push(fromRow(record, `row ${number}`));
  });
  return { sheetName: sheet.name, units };
}
