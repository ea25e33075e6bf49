/**
 * "Adding a language is one row and one strings file" (README), proved: a copy of the project
 * gets a sixth language, Nùng, as one row in src/i18n/locales.ts and one file
 * src/i18n/ui/nung.json, and nothing else. Its build must give the language every page type, the
 * manifest and, offline, its own offline page (the service worker's fallback); the Studio's
 * localized fields and `npm run i18n:status` must list it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { pageTypes, partlyTranslatedPack, presentPages, waitForServiceWorker } from './helpers.ts';

const lang = 'nung';
const tag = 'nut-Latn-VN';
const siteName = 'Trang thử tiếng Nùng';
const row = `  {
    path: '${lang}',
    tag: '${tag}',
    name: 'Nung (Nùng)',
    nameVi: 'Tiếng Nùng',
    endonym: 'Nùng',
    script: 'Latn',
    font: 'system',
    formatLocale: 'vi-VN',
    fallback: ['vi'],
  },
`;

/** The project's files as git sees them (tracked and new, not ignored), copied; node_modules linked. */
function copyProject(): string {
  const copy = mkdtempSync(join(tmpdir(), 'new-language-'));
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
    .stdout.split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      cpSync(file, join(copy, file));
    } catch {
      // A file deleted in the work tree but not yet in git's index.
    }
  }
  symlinkSync(join(process.cwd(), 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

/** The one row and the one strings file. */
function addLanguage(copy: string): void {
  const table = join(copy, 'src/i18n/locales.ts');
  const source = readFileSync(table, 'utf8');
  const end = '] as const satisfies readonly Locale[];';
  expect(source).toContain(end);
  writeFileSync(table, source.replace(end, `${row}${end}`));
  const strings = JSON.parse(readFileSync(join(copy, 'src/i18n/ui/vi.json'), 'utf8')) as Record<string, string>;
  writeFileSync(join(copy, `src/i18n/ui/${lang}.json`), JSON.stringify({ ...strings, 'site.name': siteName }, null, 2));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function run(copy: string, command: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, {
    cwd: copy,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

test.describe.configure({ mode: 'serial', timeout: 600_000 });

let copy: string;
let server: ChildProcess | undefined;
let origin: string;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  copy = copyProject();
  addLanguage(copy);
  run(copy, 'npm', ['run', 'build:test'], { OUT_DIR: join(copy, 'dist-test') });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn('node', ['--disable-warning=ExperimentalWarning', join(copy, 'dist-test/server/entry.mjs')], {
    cwd: copy,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: join(copy, 'data') },
    stdio: 'ignore',
  });
  for (let tries = 0; ; tries += 1) {
    const ready = await fetch(`${origin}/vi/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (tries > 300) throw new Error("the copy's server did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

test.afterAll(() => {
  server?.kill();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

test('a new row and strings file give the language every page type and its manifest', async ({ page }) => {
  for (const path of [...pageTypes(lang), ...presentPages(lang)]) {
    const response = await page.goto(`${origin}${path}`);
    expect(response?.status(), path).toBeLessThan(path.includes('/reports/') ? 500 : 400);
    await expect(page.locator('html'), path).toHaveAttribute('lang', tag);
  }
  const manifest = (await (await fetch(`${origin}/${lang}/manifest.webmanifest`)).json()) as Record<string, unknown>;
  expect(manifest).toMatchObject({ name: siteName, lang: tag, start_url: `/${lang}/` });
  await page.goto(`${origin}/vi/`);
  await expect(page.locator(`.language-switcher a[hreflang="${tag}"]`)).toHaveAttribute('href', `/${lang}/`);
});

test('offline, an unsaved page of the new language shows its own offline page', async ({ page, context }) => {
  await page.goto(`${origin}/${lang}/`);
  await waitForServiceWorker(page);
  // No signal: the context's route also stops what the service worker fetches.
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await page.goto(`${origin}/${lang}/materials/${partlyTranslatedPack}/`);
  await expect(page.locator('html')).toHaveAttribute('lang', tag);
  expect(new URL(page.url()).pathname).toBe(`/${lang}/materials/${partlyTranslatedPack}/`);
  const strings = JSON.parse(readFileSync(join(copy, `src/i18n/ui/${lang}.json`), 'utf8')) as Record<string, string>;
  await expect(
    page.getByRole('heading', { name: strings['offline.notSaved.title'] ?? 'offline.notSaved.title' }),
  ).toBeVisible();
});

test("the Studio's localized fields and i18n:status include the new language", () => {
  const script = join(copy, 'studio-fields.ts');
  writeFileSync(
    script,
    `import { localeAudio, localeBlockContent, localeString, localeText, translations } from './studio/schemaTypes/objects/localized.ts';
import { languageFilterConfig } from './studio/languageFilter.ts';
const types = [localeString, localeText, localeBlockContent, localeAudio, translations];
console.log(JSON.stringify({
  fields: Object.fromEntries(types.map((type) => [type.name, type.fields.map((field) => field.name)])),
  filter: languageFilterConfig(['material']).supportedLanguages.map((language) => language.id),
}));
`,
  );
  const studio = JSON.parse(
    run(copy, 'npx', ['node', '--experimental-strip-types', '--disable-warning=ExperimentalWarning', script]),
  ) as { fields: Record<string, string[]>; filter: string[] };
  for (const [type, fields] of Object.entries(studio.fields)) expect(fields, type).toContain(lang);
  expect(studio.filter).toContain(lang);

  const status = run(copy, 'npm', ['run', '--silent', 'i18n:status'], {
    CONTENT_DATASET_DIR: 'tests/fixtures/dataset',
  });
  expect(status).toMatch(new RegExp(`^${lang}\\s+Nung \\(Nùng\\)\\s+\\d+/\\d+\\s+100%`, 'm'));
});
