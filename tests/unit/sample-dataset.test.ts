/**
 * The embedded sample dataset and the browser-test fixture are generated (studio/dataset/source/
 * build.ts): the committed files are what the generator writes, and they hold what the project
 * and the browser tests expect of them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureExpectations, sampleExpectations } from '../../studio/dataset/source/expectations.ts';

const folders: string[] = [];
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'sample-dataset-'));
  folders.push(folder);
  return folder;
};
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('the generated datasets', () => {
  it('hold what the sample promises and what the browser tests rely on', () => {
    expect(sampleExpectations('studio/dataset')).toEqual([]);
    expect(fixtureExpectations('tests/fixtures/dataset')).toEqual([]);
  });

  it('say which expectation a changed fixture breaks', () => {
    const folder = tempFolder();
    cpSync('tests/fixtures/dataset', folder, { recursive: true });
    const file = join(folder, 'data.ndjson');
    const changed = readFileSync(file, 'utf8').replace(
      '"_id":"material-fixture-jobcentre-pack"',
      '"_id":"material-fixture-other-pack"',
    );
    writeFileSync(file, changed);
    expect(fixtureExpectations(folder)).toEqual([
      'material-fixture-other-pack: the id of a material is material-<slug>',
      'the packs are material-fixture-draft-pack, material-fixture-jobcentre-pack, material-fixture-school-pack',
    ]);
  });

  it('are what the typed generator writes, byte for byte', { timeout: 300_000 }, () => {
    const out = tempFolder();
    execFileSync('npm', ['run', '--silent', 'dataset:build', '--', '--no-audio', '--out', out], { stdio: 'pipe' });
    for (const [generated, committed] of [
      [join(out, 'sample'), 'studio/dataset'],
      [join(out, 'fixture'), 'tests/fixtures/dataset'],
    ] as const) {
      expect(readFileSync(join(generated, 'data.ndjson'), 'utf8')).toBe(
        readFileSync(join(committed, 'data.ndjson'), 'utf8'),
      );
      const images = readdirSync(join(committed, 'images')).sort();
      expect(readdirSync(join(generated, 'images')).sort()).toEqual(images);
      for (const image of images)
        expect(
          readFileSync(join(generated, 'images', image)).equals(readFileSync(join(committed, 'images', image))),
          image,
        ).toBe(true);
    }
  });
});
