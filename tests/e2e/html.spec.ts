/**
 * Valid HTML: the W3C Nu checker (vnu-jar, needs Java: Debian's default-jre-headless, which
 * .ci/run installs) over every page type in every language as the server sends it, reports (signed
 * in and not) and the 404 page included. One Java run checks them all.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generatedLogs } from '../fixtures/report-logs.ts';
import { enrolDevice, withStore } from './api-helpers.ts';
import { languages, pageTypes, presentPages } from './helpers.ts';

const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface Message {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

test('the Nu checker finds no error on any page type in any language', async ({ request }) => {
  test.setTimeout(120_000);
  const coordinator = await enrolDevice(request, 'coordinator');
  // Logs, so the reports page draws its charts (server-made SVG) for the checker too.
  await withStore((store) => store.insertBatch(generatedLogs(60, 17), coordinator.deviceId, coordinator.teamId));
  const folder = mkdtempSync(join(tmpdir(), 'vnu-'));
  const files = new Map<string, string>();
  try {
    const pages = [
      ...languages.flatMap(({ path }) =>
        [...pageTypes(path), ...presentPages(path)].map((url) => ({ url, signedIn: true })),
      ),
      { url: '/vi/reports/', signedIn: false },
      { url: '/nowhere/', signedIn: false },
    ];
    for (const [index, { url, signedIn }] of pages.entries()) {
      const response = await request.get(url, {
        headers: signedIn ? { Authorization: `Bearer ${coordinator.token}` } : {},
      });
      const file = join(folder, `${index}.html`);
      writeFileSync(file, await response.body());
      files.set(file, `${url}${signedIn ? '' : ' (signed out)'}`);
    }
    const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files.keys()], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.error, 'Java is needed for the Nu checker: apt-get install -y default-jre-headless').toBeUndefined();
    // The checker writes its JSON report to stderr; anything else there is a failure to run.
    const report = /^\{"version".*$/m.exec(`${run.stderr}\n${run.stdout}`)?.[0];
    expect(report, `the Nu checker did not report: ${run.stderr}`).toBeDefined();
    const { messages } = JSON.parse(report ?? '') as { messages: Message[] };
    const errors = messages
      .filter((message) => message.type === 'error' || message.subType === 'fatal')
      .map(
        (message) =>
          `${files.get(decodeURIComponent(new URL(message.url ?? 'file:/').pathname)) ?? String(message.url)}:${String(message.lastLine)}: ${message.message} [${(message.extract ?? '').slice(0, 80)}]`,
      );
    expect(errors).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
