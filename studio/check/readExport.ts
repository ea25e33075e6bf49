/**
 * Reads an export folder's `data.ndjson` for checking. Unlike the site's reader, which stops at
 * the first bad line, this one keeps going, so one run lists every line to fix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetProblem } from './problems.ts';

export type ExportDocument = Record<string, unknown> & { _id: string; _type: string };

export interface ExportContents {
  readonly documents: ExportDocument[];
  readonly problems: DatasetProblem[];
}

function lineProblem(line: number, message: string): DatasetProblem {
  return { id: `line ${line}`, field: '', level: 'error', message };
}

export function readExport(folder: string): ExportContents {
  const file = join(folder, 'data.ndjson');
  if (!existsSync(file)) {
    return {
      documents: [],
      problems: [{ id: file, field: '', level: 'error', message: 'No data.ndjson here: is this an export folder?' }],
    };
  }
  const documents: ExportDocument[] = [];
  const problems: DatasetProblem[] = [];
  const ids = new Set<string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const line = index + 1;
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        problems.push(lineProblem(line, `not valid JSON (${(error as Error).message}).`));
        return;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push(lineProblem(line, 'a line must be one JSON object (a document).'));
        return;
      }
      const document = value as Record<string, unknown>;
      const { _id: id, _type: type } = document;
      if (typeof id !== 'string' || id === '' || typeof type !== 'string' || type === '') {
        problems.push(lineProblem(line, 'the document has no string "_id" and "_type".'));
        return;
      }
      if (ids.has(id)) {
        problems.push({
          id,
          field: '_id',
          level: 'error',
          message: `line ${line} repeats this id, which an earlier line has; ids must be unique.`,
        });
        return;
      }
      ids.add(id);
      documents.push(document as ExportDocument);
    });
  return { documents, problems };
}
