import { describe, expect, it } from 'vitest';
import { groupCommit, groupCommitAsync } from '../../src/sessions/group-commit.ts';

/** A commit that records each group it gets and refuses any group holding a negative job. */
function recorder() {
  const groups: number[][] = [];
  const commit = (jobs: readonly number[]) => {
    groups.push([...jobs]);
    if (jobs.some((job) => job < 0)) throw new Error('a bad job');
    return jobs.map((job) => job * 10);
  };
  return { groups, commit };
}

describe.each([
  ['groupCommit', (commit: (jobs: readonly number[]) => number[]) => groupCommit(commit)],
  [
    'groupCommitAsync',
    (commit: (jobs: readonly number[]) => number[]) =>
      groupCommitAsync(async (jobs: readonly number[]) => commit(jobs)),
  ],
])('%s', (_name, make) => {
  it('writes the jobs that arrive together in one commit, and answers each its own result', async () => {
    const { groups, commit } = recorder();
    const write = make(commit);
    expect(await Promise.all([write(1), write(2), write(3)])).toEqual([10, 20, 30]);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('retries each job alone when the shared commit fails, so only the bad job fails', async () => {
    const { groups, commit } = recorder();
    const write = make(commit);
    const results = await Promise.allSettled([write(1), write(-1), write(2)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(groups).toEqual([[1, -1, 2], [1], [-1], [2]]);
  });
});
