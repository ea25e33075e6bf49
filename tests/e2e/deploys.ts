/**
 * Two deployments of the same origin, for the update and refresh tests: a second build of the
 * fixture site from a changed copy of the dataset, and a server that serves one build at a time
 * on one port (stop one, start the other: the browser sees one origin whose content changed).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The first deployment: the fixture build the Playwright web server made. */
export const outDir = process.env['E2E_OUT_DIR'] ?? './dist-test';

/** A document of the dataset (only the fields the tests change are typed). */
export type DatasetDoc = Record<string, unknown> & { slug?: { current: string } };

/** Builds the fixture site into `dir` from a copy of the dataset that `change` edited in place. */
export function buildChanged(dir: string, change: (docs: DatasetDoc[]) => void): void {
  const dataset = mkdtempSync(join(tmpdir(), 'dataset-next-'));
  cpSync('tests/fixtures/dataset', dataset, { recursive: true });
  const file = join(dataset, 'data.ndjson');
  const docs = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DatasetDoc);
  change(docs);
  writeFileSync(file, docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n');
  execFileSync('npx', ['astro', 'build'], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DATASET_DIR: dataset, OUT_DIR: dir },
    stdio: 'ignore',
  });
}

/** Starts the node server of a build on `port`; resolves once it answers. */
export function serve(dir: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(dir, 'server/entry.mjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/en/`)).ok) {
          resolve(server);
          return;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() - started > 20_000) {
        reject(new Error(`server for ${dir} did not start`));
        return;
      }
      setTimeout(() => void poll(), 200);
    };
    void poll();
  });
}

/** Stops a server started by `serve` (no signal at all: the imitation of a phone out of range). */
export function stop(server: ChildProcess | undefined): Promise<void> {
  if (server?.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGKILL');
  });
}
