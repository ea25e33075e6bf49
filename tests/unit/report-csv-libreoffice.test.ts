/**
 * The exports opened in a real spreadsheet: LibreOffice Calc headless (Debian's
 * `libreoffice-calc-nogui`) imports each CSV with formulas evaluated, as a coordinator's
 * double-click would, and saves it as flat ODS; no cell of it may be a formula, and the raw export
 * keeps one row per log. A control file with one live formula proves the check can see one.
 * Needs `soffice` on the PATH (`apt-get install -y libreoffice-calc-nogui`); about 2 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logsCsv, tablesCsv } from '../../src/reports/exports.ts';
import { reportTables } from '../../src/reports/tables.ts';
import type { StoredSessionLog } from '../../src/sessions/store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { reportInJs } from './report-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'csv-libreoffice-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Field separator `,`, quote `"`, UTF-8, from line 1, standard column types, formulas evaluated. */
const csvImport = 'CSV:44,34,76,1,,0,false,true,false,false,false,-1,true';

/** Each file of `files` as Calc reads it: its cells (`formula` set for a formula cell), by row. */
function openInCalc(files: Record<string, string>): Record<string, { text: string; formula: string | undefined }[][]> {
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(folder, `${name}.csv`);
    writeFileSync(path, text);
    return path;
  });
  try {
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${folder}/profile`,
        `--infilter=${csvImport}`,
        '--convert-to',
        'fods',
        '--outdir',
        folder,
        ...paths,
      ],
      {
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
  } catch (error) {
    throw new Error(
      `LibreOffice did not convert the CSV (apt-get install -y libreoffice-calc-nogui): ${String(error)}`,
      { cause: error },
    );
  }
  return Object.fromEntries(
    Object.keys(files).map((name) => {
      // Calc indents its XML: the blanks between two tags are layout, not text.
      const xml = readFileSync(join(folder, `${name}.fods`), 'utf8').replace(/>\s+</g, '><');
      const sheet = xml.slice(xml.indexOf('<table:table '), xml.indexOf('</table:table>'));
      const rows = [...sheet.matchAll(/<table:table-row\b[^>]*>([\s\S]*?)<\/table:table-row>/g)].map(([, row]) =>
        [...row!.matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)]
          .map(([, attributes, content]) => ({
            text: (content ?? '')
              .replace(/<text:line-break\/>/g, '\n')
              .replace(/<\/text:p><text:p>/g, '\n')
              .replace(/<[^>]+>/g, ''),
            formula: /table:formula="([^"]*)"/.exec(attributes!)?.[1],
          }))
          .filter((cell) => cell.text !== '' || cell.formula !== undefined),
      );
      return [name, rows.filter((row) => row.length > 0)];
    }),
  );
}

const crafted = [
  '=1+1',
  ' =2+2',
  '\n=3+3',
  '\t+4+4',
  '\r-5+5',
  '@SUM(1;2)',
  'Mai; =HYPERLINK("http://evil.example";"Bấm")',
  'dòng một\ndòng hai\ndòng ba',
];

describe('the exports in LibreOffice Calc', () => {
  it('have no formula cell and keep one row per log, whatever the venues, names, notes and titles say', () => {
    const logs: StoredSessionLog[] = crafted.map((text, index) => ({
      ...validLog(),
      place: { communeId: 'xa-y-ty', venue: text },
      facilitators: [crafted[(index + 1) % crafted.length]!, 'Lò Thị Mai'],
      notes: crafted[(index + 2) % crafted.length]!,
      receivedAt: '2026-03-01T08:00:00.000Z',
      teamId: 'team-1',
      deviceId: 'device-1',
    }));
    const report = {
      ...reportInJs(logs, {}),
      materials: crafted.map((_, index) => ({ material: `pack-${index}`, sessions: 9, participants: 50 })),
    };
    const tables = reportTables(report, 'en', { materialTitle: (slug) => crafted[Number(slug.slice(5))]! });
    const opened = openInCalc({ logs: logsCsv(logs), tables: tablesCsv(tables), control: 'a,b\r\n=1+1,x\r\n' });

    expect(opened['control']!.flat().filter((cell) => cell.formula)).toHaveLength(1);
    for (const name of ['logs', 'tables']) {
      const formulas = opened[name]!.flat().filter((cell) => cell.formula !== undefined);
      expect(formulas, name).toEqual([]);
    }
    expect(opened['logs']).toHaveLength(logs.length + 1);
    // The three-line text is a venue, a name and a note: three cells, each whole.
    const threeLines = opened['logs']!.flat().filter((cell) => cell.text.includes('dòng hai'));
    expect(threeLines.map((cell) => cell.text)).toEqual([
      'dòng một\ndòng hai\ndòng ba',
      'dòng một\ndòng hai\ndòng ba; Lò Thị Mai',
      'dòng một\ndòng hai\ndòng ba',
    ]);
  });
});
