/**
 * Lighthouse mobile performance (its default form factor and simulated slow 4G) of the page types
 * a teacher and a team member open, in Vietnamese and Tai Dam: median of BENCH_RUNS runs (3), with
 * the JavaScript each page loads (gzip, as the budgets test counts it).
 *
 *   npm run build && npm run bench:lighthouse
 *   BENCH_OUT=/other/dist BENCH_PORT=4400 npm run bench:lighthouse   (another build, another port)
 *   BENCH_PAGES=log,reports npm run bench:lighthouse                    (some page types only)
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchOptions } from '../e2e/browser.ts';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, process.env['BENCH_OUT'] ?? 'dist');
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const port = Number(process.env['BENCH_PORT'] ?? 4398);
const origin = `http://127.0.0.1:${port}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const materials = join(out, 'client/vi/materials');
const pack = readdirSync(materials).find(
  (slug) => !['schools', 'job-centres'].includes(slug) && statSync(join(materials, slug)).isDirectory(),
);
if (pack === undefined) throw new Error(`${materials}: no lesson pack in the build`);
const only = process.env['BENCH_PAGES']?.split(',');
const pages = (lang: string): [string, string][] =>
  (
    [
      ['home', `/${lang}/`],
      ['pack', `/${lang}/materials/${pack}/`],
      ['present', `/${lang}/materials/${pack}/present/`],
      ['log', `/${lang}/log/`],
      ['reports', `/${lang}/reports/`],
    ] satisfies [string, string][]
  ).filter(([label]) => !only || only.includes(label));

const dataDir = `${out}-bench-data`;
rmSync(dataDir, { recursive: true, force: true });
const server = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(out, 'server/entry.mjs')], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SITE_URL: origin },
  stdio: 'ignore',
});
await new Promise((done) => setTimeout(done, 1500));

/** A coordinator's session cookie, so Lighthouse sees the reports themselves, not the sign-in. */
async function coordinatorCookie(): Promise<string> {
  const output = execFileSync('npm', ['run', '--silent', 'teams', '--', 'add', 'Bench coordinators', '--coordinator'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  const code = /Enrolment code: (\S+)/.exec(output)?.[1];
  const headers = { 'Content-Type': 'application/json', Origin: origin };
  const enrolled = await fetch(`${origin}/api/enrol/`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code, deviceName: 'Bench laptop' }),
  });
  const { token } = (await enrolled.json()) as { token: string };
  const signedIn = await fetch(`${origin}/api/sign-in/`, {
    method: 'POST',
    headers: { ...headers, Authorization: `Bearer ${token}` },
    body: '{}',
  });
  const cookie = signedIn.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`no session cookie: ${signedIn.status} ${await signedIn.text()}`);
  return cookie;
}

try {
  const cookie = await coordinatorCookie();
  console.log(`\nLighthouse mobile, ${out}, median of ${runs}\n`);
  console.log('| page | performance | runs | JavaScript KB (gzip, transferred) |');
  console.log('| --- | ---: | --- | ---: |');
  for (const lang of ['vi', 'thai']) {
    for (const [label, path] of pages(lang)) {
      const scores: number[] = [];
      let script = 0;
      for (let run = 0; run < runs; run++) {
        const report = execFileSync(
          join(root, 'node_modules/.bin/lighthouse'),
          [
            `${origin}${path}`,
            '--output=json',
            '--quiet',
            '--only-categories=performance',
            `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
            `--chrome-flags=--headless=new ${(launchOptions.args ?? []).join(' ')}`,
          ],
          { env: { ...process.env, CHROME_PATH: launchOptions.executablePath ?? '' }, maxBuffer: 64 * 1024 * 1024 },
        );
        const result = JSON.parse(report.toString()) as {
          categories: { performance: { score: number | null } };
          audits: { 'resource-summary'?: { details?: { items?: { resourceType: string; transferSize: number }[] } } };
        };
        scores.push(result.categories.performance.score ?? 0);
        script =
          result.audits['resource-summary']?.details?.items?.find((item) => item.resourceType === 'script')
            ?.transferSize ?? 0;
      }
      console.log(
        `| ${label} (${lang}) | ${median(scores).toFixed(2)} | ${scores.map((score) => score.toFixed(2)).join(', ')} | ${(script / 1024).toFixed(1)} |`,
      );
    }
  }
} finally {
  server.kill();
}
