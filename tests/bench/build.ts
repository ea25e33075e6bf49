/**
 * Build figures for the closing note (not a timed test): prints a table.
 *
 *   npm run bench:build            # 3 runs each (BENCH_RUNS=1 for a quick look)
 *
 * 1. Build time of the sample dataset, and of a generated dataset of 500 packs × 5 languages
 *    next to Astro building the same pages from a plain Markdown collection in the same run
 *    (markdown-baseline.ts; same images, languages and build concurrency as the site).
 * 2. Per page type, the gzip bytes of HTML, CSS, JS and fonts a visitor downloads.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { withImports } from '../../src/integrations/offline-manifests.ts';
import { writeMarkdownBaseline } from './markdown-baseline.ts';

/** A document of the dataset's data.ndjson, as far as this benchmark reads it. */
type DatasetDocument = Record<string, unknown> & { _type: string; slug?: { current: string } };

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.bench');
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const packs = Number(process.env['BENCH_PACKS'] ?? 500);
const astro = join(root, 'node_modules/.bin/astro');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Seconds the post-build steps (search index, service worker) reported in the last build. */
let lastPostBuild = 0;

/** Runs an Astro build and returns its wall time in seconds. */
function timeBuild(args: string[], extraEnv: Record<string, string>): number {
  const start = performance.now();
  const log = execFileSync(astro, ['build', ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    maxBuffer: 256 * 1024 * 1024,
  }).toString();
  lastPostBuild = [...log.matchAll(/\[(?:pagefind-search|service-worker)\].* in ([\d.]+) s/g)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
  return (performance.now() - start) / 1000;
}

/** The sample dataset with its lesson packs cloned until there are `count`. */
function generateDataset(count: number): string {
  const folder = join(work, `dataset-${count}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(join(root, 'studio/dataset/images'), join(folder, 'images'), { recursive: true });
  cpSync(join(root, 'studio/dataset/files'), join(folder, 'files'), { recursive: true });
  const documents = readFileSync(join(root, 'studio/dataset/data.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DatasetDocument);
  const templates = documents.filter((doc) => doc._type === 'material');
  const others = documents.filter((doc) => doc._type !== 'material');
  const generated = Array.from({ length: count }, (_, index) => {
    const template = templates[index % templates.length]!;
    const slug = `${template.slug!.current}-${index + 1}`;
    return { ...template, _id: `material-${slug}`, slug: { _type: 'slug', current: slug } };
  });
  writeFileSync(
    join(folder, 'data.ndjson'),
    [...others, ...generated].map((doc) => JSON.stringify(doc)).join('\n') + '\n',
  );
  return folder;
}

const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).byteLength;

/** The gzip bytes of a built page and what it links: stylesheets, scripts, fonts its CSS names. */
function pageWeight(client: string, url: string, fontsUsed: RegExp | undefined) {
  const htmlFile = join(client, url, 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const linked = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => join(client, match[1]!));
  const css = linked(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  const js = withImports(
    client,
    linked(/<script[^>]+src="([^"]+)"/g).map((file) => file.slice(client.length)),
  ).map((url) => join(client, url));
  const inlineJs = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (sum, match) => sum + gzipSync(match[1]!).byteLength,
    0,
  );
  const fonts = fontsUsed
    ? css
        .flatMap((file) =>
          [...readFileSync(file, 'utf8').matchAll(/url\(([^)]+\.woff2)\)/g)].map((match) => join(client, match[1]!)),
        )
        .filter((file) => fontsUsed.test(file))
    : [];
  const sum = (files: string[]) => files.reduce((total, file) => total + gzip(file), 0);
  return { html: gzip(htmlFile), css: sum(css), js: sum(js) + inlineJs, fonts: sum([...new Set(fonts)]) };
}

mkdirSync(work, { recursive: true });
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const rows: string[][] = [];

// 1. Build times.
const sampleTimes = Array.from({ length: runs }, () => timeBuild([], { OUT_DIR: './.bench/dist-sample' }));
const dataset = generateDataset(packs);
const baseline = writeMarkdownBaseline(join(work, 'markdown-site'), join(dataset, 'data.ndjson'));
const ourTimes: number[] = [];
const postBuildTimes: number[] = [];
const markdownTimes: number[] = [];
for (let run = 0; run < runs; run++) {
  ourTimes.push(timeBuild([], { CONTENT_DATASET_DIR: dataset, OUT_DIR: './.bench/dist-generated' }));
  postBuildTimes.push(lastPostBuild);
  markdownTimes.push(timeBuild(['--root', baseline], {}));
}
const countPages = (dir: string) =>
  Number(
    execFileSync('sh', ['-c', `find ${dir} -name index.html | wc -l`])
      .toString()
      .trim(),
  );
const pages = countPages(join(work, 'dist-generated/client'));
const markdownPages = countPages(join(baseline, 'dist'));
console.log(`\nBuild time, median of ${runs} run(s)\n`);
console.log('| build | pages | seconds | pages/s |');
console.log('| --- | ---: | ---: | ---: |');
const samplePages = countPages(join(work, 'dist-sample/client'));
rows.push([
  'sample dataset',
  String(samplePages),
  median(sampleTimes).toFixed(1),
  (samplePages / median(sampleTimes)).toFixed(0),
]);
rows.push([
  `generated ${packs} packs × 5 languages`,
  String(pages),
  median(ourTimes).toFixed(1),
  (pages / median(ourTimes)).toFixed(0),
]);
rows.push([
  'Markdown baseline, the same pack and present pages',
  String(markdownPages),
  median(markdownTimes).toFixed(1),
  (markdownPages / median(markdownTimes)).toFixed(0),
]);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
const pagesOnly = ourTimes.map((time, index) => time - postBuildTimes[index]!);
console.log(
  `\nof which search index + service worker: median ${median(postBuildTimes).toFixed(1)} s; pages alone ${median(pagesOnly).toFixed(1)} s, ratio to the baseline ${(median(pagesOnly) / median(markdownTimes)).toFixed(2)}`,
);
console.log(
  `\nratio generated / Markdown baseline: ${(median(ourTimes) / median(markdownTimes)).toFixed(2)} (runs: ours ${ourTimes.map((t) => t.toFixed(1)).join(', ')}; markdown ${markdownTimes.map((t) => t.toFixed(1)).join(', ')})`,
);

// 2. Page weights of the sample build.
const client = join(work, 'dist-sample/client');
const firstPack = readFileSync(join(root, 'studio/dataset/data.ndjson'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as DatasetDocument)
  .find((doc) => doc._type === 'material')!.slug!.current;
const types: [string, string, RegExp | undefined][] = [
  ['home (vi)', 'vi', undefined],
  ['list (vi)', 'vi/materials', undefined],
  ['lesson pack (vi)', `vi/materials/${firstPack}`, undefined],
  ['lesson pack (thai, Tai Viet font)', `thai/materials/${firstPack}`, /tai-viet.*\.woff2$/],
  ['help (vi)', 'vi/help', undefined],
];
console.log('\nPage weight, gzip KB (HTML includes inline CSS/JS; fonts are those the page needs)\n');
console.log('| page | HTML | CSS | JS | fonts | HTML+CSS |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [label, url, fonts] of types) {
  const weight = pageWeight(client, url, fonts);
  console.log(
    `| ${label} | ${kb(weight.html)} | ${kb(weight.css)} | ${kb(weight.js)} | ${kb(weight.fonts)} | ${kb(weight.html + weight.css)} |`,
  );
}
