/**
 * Group commit: the jobs that arrive while one event-loop turn runs are written together, so many
 * devices syncing at once share one transaction (one fsync) instead of queueing for one each.
 * Every caller still hears back only after its own job is committed. Should the shared write fail,
 * each job is retried alone, so one bad job cannot fail the others.
 *
 * Example: `const write = groupCommit((jobs) => transaction(() => jobs.map(insert)));`
 */
export function groupCommit<Job, Result>(commit: (jobs: readonly Job[]) => Result[]): (job: Job) => Promise<Result> {
  let waiting: { job: Job; done: (result: Result) => void; fail: (error: unknown) => void }[] = [];

  function commitWaiting(): void {
    const group = waiting;
    waiting = [];
    try {
      const results = commit(group.map(({ job }) => job));
      group.forEach(({ done }, index) => done(results[index]!));
    } catch (groupError) {
      if (group.length === 1) {
        group[0]!.fail(groupError);
        return;
      }
      for (const { job, done, fail } of group) {
        try {
          done(commit([job])[0]!);
        } catch (error) {
          fail(error);
        }
      }
    }
  }

  return (job) =>
    new Promise((done, fail) => {
      if (waiting.push({ job, done, fail }) === 1) setImmediate(commitWaiting);
    });
}

/**
 * `groupCommit` for a database reached over the network (PostgreSQL): the jobs that arrive while
 * one event-loop turn runs go into one statement, so fifty phones syncing at once cost the
 * database a few statements, not fifty. While that statement runs, the next jobs gather into the
 * next group, which may run beside it on another connection. Should the shared write fail, each job
 * is retried alone, so one bad job cannot fail the others.
 */
export function groupCommitAsync<Job, Result>(
  commit: (jobs: readonly Job[]) => Promise<Result[]>,
): (job: Job) => Promise<Result> {
  let waiting: { job: Job; done: (result: Result) => void; fail: (error: unknown) => void }[] = [];

  async function commitWaiting(): Promise<void> {
    const group = waiting;
    waiting = [];
    try {
      const results = await commit(group.map(({ job }) => job));
      group.forEach(({ done }, index) => done(results[index]!));
    } catch (groupError) {
      if (group.length === 1) {
        group[0]!.fail(groupError);
        return;
      }
      await Promise.all(group.map(({ job, done, fail }) => commit([job]).then((results) => done(results[0]!), fail)));
    }
  }

  return (job) =>
    new Promise((done, fail) => {
      if (waiting.push({ job, done, fail }) === 1) setImmediate(() => void commitWaiting());
    });
}
