/** `npm run translations` as a translator runs it, on a copy of the test fixture. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/translations.ts'];

function run(folder: string, args: string[]) {
  const result = spawnSync(process.execPath, [...script, ...args], {
    env: { ...process.env, CONTENT_DATASET_DIR: folder, SANITY_PROJECT_ID: '' },
    encoding: 'utf8',
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('npm run translations', () => {
  it('exports a pack, imports the edited file as needs review, and finds nothing to do the second time', () => {
    const folder = mkdtempSync(join(tmpdir(), 'translations-cli-'));
    copyFileSync('tests/fixtures/dataset/data.ndjson', join(folder, 'data.ndjson'));
    const file = join(folder, 'translations-dao-fixture-jobcentre-pack.csv');
    expect(
      run(folder, ['export', 'dao', '--pack', 'fixture-jobcentre-pack', '--format', 'csv', '--out', file]).code,
    ).toBe(0);
    const csv = readFileSync(file, 'utf8');
    const edited = csv.replace(
      /^(material-fixture-jobcentre-pack\|title,(?:"[^"]*"|[^,]*),[^,]*,(?:"[^"]*"|[^,]*),)/m,
      '$1Gong cuotv',
    );
    expect(edited).not.toBe(csv);
    writeFileSync(file, edited);

    const first = run(folder, ['import', file]);
    expect(first.out).toMatch(/updated\s+material-fixture-jobcentre-pack\|title/);
    expect(first.out).toMatch(
      /1 updated, \d+ unchanged, 0 conflict\(s\), 0 refused\. 1 document\(s\) written, marked "needs review"/,
    );
    expect(first.code).toBe(0);
    expect(run(folder, ['import', file]).out).toMatch(/0 updated, .* Nothing written\./);
  });

  it('refuses a language that is not translated, and says how to call it', () => {
    const result = run(mkdtempSync(join(tmpdir(), 'translations-cli-')), ['export', 'vi']);
    expect(result.code).toBe(2);
    expect(result.out).toContain('is not a language to translate into');
    expect(result.out).toContain('Usage:');
  });

  it('asks for --lang when a CSV file named by the translator does not say its language', () => {
    const folder = mkdtempSync(join(tmpdir(), 'translations-cli-'));
    copyFileSync('tests/fixtures/dataset/data.ndjson', join(folder, 'data.ndjson'));
    const file = join(folder, 'my-work.csv');
    expect(
      run(folder, ['export', 'dao', '--pack', 'fixture-jobcentre-pack', '--format', 'csv', '--out', file]).code,
    ).toBe(0);
    const result = run(folder, ['import', file]);
    expect(result.code).toBe(2);
    expect(result.out).toContain('does not say its language');
    expect(result.out).toContain('add --lang <lang>');
  });
});
