/**
 * `npm run content:import` and `content:export`, run as commands against a local stand-in for
 * Sanity's API (the hosted one is out of reach here): the fixture goes in, comes back out in the
 * export format, and still passes content:check with the same documents and files.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/content/sources/embedded.ts';
import { checkDataset } from '../../studio/check/checkDataset.ts';
import { startSanityStandIn, type SanityStandIn } from './sanity-stand-in.ts';

const execute = promisify(execFile);
const fixture = 'tests/fixtures/dataset';

let standIn: SanityStandIn;
let out: string;

/** Runs an npm script with only the variables given (plus PATH), as a deployment would. */
async function npmRun(script: string, args: string[], env: Record<string, string>) {
  const clean = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env };
  return execute('npm', ['run', '--silent', script, '--', ...args], { env: clean }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: unknown) => error as { code: number; stdout: string; stderr: string },
  );
}

const project = () => ({ SANITY_PROJECT_ID: 'standin', SANITY_API_HOST: standIn.url });

/** Documents without asset paths, whose names differ between a hand-made and an exported folder. */
function withoutAssetPaths(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key: string, item: unknown) =>
    key === '_sanityAsset' ? (item as string).split('@')[0] : item,
  ) as unknown;
}

beforeEach(async () => {
  standIn = await startSanityStandIn();
  out = mkdtempSync(join(tmpdir(), 'export-'));
});

afterEach(async () => {
  await standIn.close();
  rmSync(out, { recursive: true, force: true });
});

describe('content:import and content:export', () => {
  it('import loads the fixture with its files; export writes it back as an export that passes the check', async () => {
    const imported = await npmRun('content:import', [fixture], { ...project(), SANITY_TOKEN: 'write-token' });
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/Imported 8 documents and 4 file\(s\)/);
    expect(
      standIn.requests.filter((r) => r.method === 'POST').every((r) => r.authorization === 'Bearer write-token'),
    ).toBe(true);
    // A draft in the project is work in progress, never exported.
    standIn.documents.set('drafts.topic-fixture-jobs', { _id: 'drafts.topic-fixture-jobs', _type: 'topic' });

    const exported = await npmRun('content:export', ['--out', out], project());
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/Exported 8 published documents, 3 image\(s\) and 1 file\(s\)/);

    const original = readDataset(join(fixture, 'data.ndjson'));
    const roundTrip = readDataset(join(out, 'data.ndjson'));
    const byId = (documents: Record<string, unknown>[]) =>
      [...documents].sort((a, b) => String(a['_id']).localeCompare(String(b['_id'])));
    expect(withoutAssetPaths(byId(roundTrip))).toEqual(withoutAssetPaths(byId(original)));
    expect((await checkDataset(out)).problems.filter((p) => p.level === 'error')).toEqual([]);

    const bytes = (folder: string, part: string) =>
      readdirSync(join(folder, part))
        .map((name) => readFileSync(join(folder, part, name)).length)
        .sort();
    expect(bytes(out, 'images')).toEqual(bytes(fixture, 'images'));
    expect(bytes(out, 'files')).toEqual(bytes(fixture, 'files'));
  });

  it('import refuses a dataset with errors and writes nothing', async () => {
    const result = await npmRun('content:import', ['tests/fixtures/broken-dataset'], {
      ...project(),
      SANITY_TOKEN: 'write-token',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/13 error\(s\); nothing was imported/);
    expect(standIn.requests).toEqual([]);
  });

  it('both say what they need when no project is configured, and import asks for a token', async () => {
    const exported = await npmRun('content:export', ['--out', out], {});
    expect(exported.code).toBe(1);
    expect(exported.stderr).toMatch(/content:export needs a Sanity project.*\n.*SANITY_PROJECT_ID/);
    const imported = await npmRun('content:import', [], {});
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/content:import needs a Sanity project/);
    const noToken = await npmRun('content:import', [], project());
    expect(noToken.stderr).toMatch(/needs SANITY_TOKEN/);
    expect(readdirSync(out)).toEqual([]);
  });
});
