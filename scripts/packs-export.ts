/**
 * `npm run packs:export -- --out <folder> [--lang <path>...] [--from dist/client]`: copies every
 * lesson pack file of the last build into <folder>, by language, with an index.html listing them,
 * for a district's USB stick or SD card. The work is in src/integrations/pack-export.ts.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportPackFiles } from '../src/integrations/pack-export.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    lang: { type: 'string', multiple: true, default: [] },
    from: { type: 'string', default: 'dist/client' },
  },
});

try {
  if (!values.out)
    throw new Error('Say where to write the packs: npm run packs:export -- --out <folder> [--lang <path>...]');
  const siteName =
    (JSON.parse(readFileSync(new URL('../src/i18n/ui/vi.json', import.meta.url), 'utf8')) as Record<string, string>)[
      'site.name'
    ] ?? '';
  const out = resolve(values.out);
  const packs = exportPackFiles(resolve(values.from), out, values.lang, siteName);
  const bytes = packs.reduce((sum, pack) => sum + pack.bytes, 0);
  console.log(
    `Wrote ${packs.length} pack files (${(bytes / 1_000_000).toFixed(1)} MB) and index.html into ${relative(process.cwd(), out) || '.'}.`,
  );
} catch (error) {
  console.error(`packs:export: ${(error as Error).message}`);
  process.exitCode = 1;
}
