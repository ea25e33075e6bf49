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
import { retiredHotlineProblems } from '../../studio/check/texts.ts';
import { mentionsRetiredHotline } from '../../src/content/model.ts';

const run = promisify(execFile);
const broken = 'tests/fixtures/broken-dataset';
/** What content:check says of the broken fixture, whichever way it is named. */
const brokenSummary = /13 documents, 13 error\(s\)/;

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
      'material-old-hotline summary.hmong',
      'material-old-hotline slides[0].heading.vi',
    ]);
  });

  it('lists drafts and release versions as warnings by id: the site leaves them out', async () => {
    const { problems } = await checkDataset(broken);
    const unpublished = problems
      .filter((problem) => problem.message.startsWith('Not published'))
      .map(({ id, level }) => `${level} ${id}`);
    expect(unpublished).toEqual(['warning drafts.material-complete', 'warning versions.rSpring.material-complete']);
  });

  it('names what is wrong in words an editor can act on', async () => {
    const { problems } = await checkDataset(broken);
    const message = (id: string) => problems.find((problem) => problem.id === id)?.message;
    expect(message('material-hmong-gap')).toMatch(/Tiếng Mông.*slides\[1\]\.heading/);
    expect(message('material-missing-cover')).toMatch(/images\/not-there\.png/);
    expect(message('helpContact-18001567')).toMatch(/111/);
    expect(
      problems.find((problem) => problem.id === 'material-dangling-contact' && problem.level === 'error')?.message,
    ).toMatch(/points to "helpContact-999", which is not in the dataset/);
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
      (error: unknown) => error as { code: number; stdout: string },
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain('error    material-hmong-gap  translations.hmong.status:');
    expect(failed?.stdout).toMatch(brokenSummary);
    const { stdout } = await run('npm', ['run', '--silent', 'content:check']);
    expect(stdout).toMatch(/studio\/dataset: \d+ documents, 0 error\(s\)/);
  });

  it('checks the folder CONTENT_DATASET_DIR names, as the build reads it', async () => {
    const failed = await run('npm', ['run', '--silent', 'content:check'], {
      env: { ...process.env, CONTENT_DATASET_DIR: broken },
    }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stdout: string },
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(brokenSummary);
  });
});

describe('the retired hotline', () => {
  it('is found however it is spaced or punctuated, in any text, and never inside a longer number', () => {
    for (const text of ['Gọi 1800 1567', '1800-1567', '(1800) 15.67', 'call 1 8 0 0 1 5 6 7 now', '18001567'])
      expect(mentionsRetiredHotline(text), text).toBe(true);
    for (const text of ['111', '1800 15670', '218001567', '1800 1566'])
      expect(mentionsRetiredHotline(text), text).toBe(false);
  });

  it('is named by document and field wherever it is: quiz, key messages, notes, any language', () => {
    const document = {
      _id: 'm',
      _type: 'material',
      _ref: '1800 1567',
      quiz: [{ explanation: { en: 'Not 1800 1567' } }],
      keyMessages: { thai: ['ꪎꪳ 1800.1567'] },
      notes: 'ok',
    };
    expect(retiredHotlineProblems(document).map(({ id, field, level }) => `${level} ${id} ${field}`)).toEqual([
      'error m quiz[0].explanation.en',
      'error m keyMessages.thai[0]',
    ]);
  });
});

describe('formatPath', () => {
  it('writes keyed array members as their index, like the translation messages do', () => {
    const document = { slides: [{ _key: 'a' }, { _key: 'b', options: ['x', 'y'] }] };
    expect(formatPath(['slides', { _key: 'b' }, 'options', 1], document)).toBe('slides[1].options[1]');
    expect(formatPath(['slides', { _key: 'gone' }, 'heading'], document)).toBe('slides[_key=="gone"].heading');
  });
});
