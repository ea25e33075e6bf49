/**
 * `npm run content:check`: the Studio's rules, run offline on an export folder. The broken
 * fixture plants one problem per rule (see its README); each must come out once, with its
 * document id and field, and nothing else may come out as an error.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../studio/check/checkDataset.ts';
import { formatPath } from '../../studio/check/problems.ts';

const run = promisify(execFile);
const broken = 'tests/fixtures/broken-dataset';

const errorsOf = async (folder: string) =>
  (await checkDataset(folder)).problems
    .filter((problem) => problem.level === 'error')
    .map(({ id, field }) => `${id} ${field}`.trim());

describe('content:check', () => {
  it('finds no error in the embedded sample dataset or the browser-test fixture', async () => {
    expect(await errorsOf('studio/dataset')).toEqual([]);
    expect(await errorsOf('tests/fixtures/dataset')).toEqual([]);
  });

  it('reports each planted problem once, with document id and field, and nothing else', async () => {
    expect(await errorsOf(broken)).toEqual([
      'line 3',
      'material-complete _id',
      'material-complete slug',
      'material-no-vietnamese-title title',
      'material-hmong-gap translations.hmong.status',
      'helpContact-18001567 number',
      'material-dangling-contact helpContacts[0]',
      'material-missing-cover coverImage',
      'material-same-slug slug',
      'banner-1 _type',
      'material-quiz-off-by-one quiz[0].correctOption',
    ]);
  });

  it('names what is wrong in words an editor can act on', async () => {
    const { problems } = await checkDataset(broken);
    const message = (id: string) => problems.find((problem) => problem.id === id)?.message;
    expect(message('material-hmong-gap')).toMatch(/Tiếng Mông.*slides\[1\]\.heading/);
    expect(message('material-missing-cover')).toMatch(/images\/not-there\.png/);
    expect(message('helpContact-18001567')).toMatch(/111/);
  });

  it('lists each warning once', async () => {
    const { problems } = await checkDataset(broken);
    const keys = problems.map((problem) => JSON.stringify(problem));
    expect(problems.some((problem) => problem.level === 'warning')).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('exits 1 and prints every error line from the command, 0 on the sample', async () => {
    const failed = await run('npm', ['run', '--silent', 'content:check', '--', broken]).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain('error    material-hmong-gap  translations.hmong.status:');
    expect(failed?.stdout).toMatch(/10 documents, 11 error\(s\)/);
    const { stdout } = await run('npm', ['run', '--silent', 'content:check']);
    expect(stdout).toMatch(/studio\/dataset: \d+ documents, 0 error\(s\)/);
  });

  it('checks the folder CONTENT_DATASET_DIR names, as the build reads it', async () => {
    const failed = await run('npm', ['run', '--silent', 'content:check'], { env: { ...process.env, CONTENT_DATASET_DIR: broken } }).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/10 documents, 11 error\(s\)/);
  });
});

describe('formatPath', () => {
  it('writes keyed array members as their index, like the translation messages do', () => {
    const document = { slides: [{ _key: 'a' }, { _key: 'b', options: ['x', 'y'] }] };
    expect(formatPath(['slides', { _key: 'b' }, 'options', 1], document)).toBe('slides[1].options[1]');
    expect(formatPath(['slides', { _key: 'gone' }, 'heading'], document)).toBe('slides[_key=="gone"].heading');
  });
});
