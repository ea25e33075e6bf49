/**
 * Checks that look at every text of a document, whatever its type and language: the retired
 * hotline, and the ids that references point to (to name them when they dangle).
 */
import { mentionsRetiredHotline, retiredHotlineMessage } from '../../src/content/model.ts';
import type { DatasetProblem } from './problems.ts';
import type { ExportDocument } from './readExport.ts';

/** Every string of a value with its path (`slides[0].body.vi[0].children[0].text`); system fields (`_…`) aside. */
export function textsOf(value: unknown, path = ''): { field: string; text: string }[] {
  if (typeof value === 'string') return [{ field: path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => textsOf(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key.startsWith('_') ? [] : textsOf(item, path === '' ? key : `${path}.${key}`),
  );
}

/** The retired hotline anywhere in the document: slides, summaries, notes, quiz, key messages, any language. */
export function retiredHotlineProblems(document: ExportDocument): DatasetProblem[] {
  return textsOf(document)
    .filter(({ text }) => mentionsRetiredHotline(text))
    .map(({ field }) => ({ id: document._id, field, level: 'error', message: retiredHotlineMessage }));
}

/** The id a reference at `field` of the document points to, if the value there is a reference. */
export function referenceAt(document: ExportDocument, field: string): string | undefined {
  let value: unknown = document;
  for (const [, key, index] of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = index !== undefined ? (value as unknown[])[Number(index)] : (value as Record<string, unknown>)[key!];
  }
  const ref = (value as { _ref?: unknown } | undefined)?._ref;
  return typeof ref === 'string' ? ref : undefined;
}
