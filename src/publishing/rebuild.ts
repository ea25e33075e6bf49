/**
 * Runs the rebuild command, one build at a time. Editors often publish several documents within
 * a minute; a delivery that arrives during a build does not start a second build beside it (two
 * builds writing one folder corrupt it) but asks for one more build after, and any number of
 * deliveries during a build ask for that same one: it reads everything published by then.
 */
import { spawn } from 'node:child_process';

export type RebuildRequest = 'started' | 'queued';

export interface RebuildQueue {
  /** Starts a build now, or after the current one: `started` or `queued`. */
  request(): RebuildRequest;
  /** Resolves when no build runs and none is waiting (for tests and shutdown). */
  idle(): Promise<void>;
}

export interface RebuildOptions {
  /** Shell command, e.g. `npm run build`. */
  readonly command: string;
  readonly cwd?: string;
  /** Where progress lines go; the command's own output goes to the server's stdout and stderr. */
  readonly log?: (line: string) => void;
}

export function createRebuildQueue({ command, cwd = process.cwd(), log = console.log }: RebuildOptions): RebuildQueue {
  let running: Promise<void> | undefined;
  let pending = false;
  let count = 0;

  function runOnce(): Promise<void> {
    count += 1;
    const build = count;
    const started = Date.now();
    log(`[rebuild] build ${build} started: ${command}`);
    return new Promise((resolve) => {
      const child = spawn(command, { cwd, shell: true, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('error', (error) => {
        log(`[rebuild] build ${build} could not start: ${error.message}`);
        resolve();
      });
      child.on('close', (code) => {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        log(`[rebuild] build ${build} ${code === 0 ? 'finished' : `failed (exit ${String(code)})`} in ${seconds} s`);
        resolve();
      });
    });
  }

  async function loop(): Promise<void> {
    do {
      pending = false;
      await runOnce();
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set again by a call made while awaiting (typescript-eslint cannot see that)
    } while (pending);
    running = undefined;
  }

  return {
    request() {
      if (running) {
        pending = true;
        return 'queued';
      }
      running = loop();
      return 'started';
    },
    async idle() {
      while (running) await running;
    },
  };
}
