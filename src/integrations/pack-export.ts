/**
 * A district's USB stick or SD card: every pack file of a build, by language, with an
 * `index.html` that lists them (`npm run packs:export`). The files are the ones the build wrote
 * (src/integrations/pack-files.ts); their headers give the titles, so nothing is restated here.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLocale, localePaths, sourceLocale, type LocalePath } from '../i18n/locales.ts';
import { packFileName, splitPackFile, type PackFileHeader } from '../offline/pack-file.ts';
import { formatMegabytes } from '../offline/strings.ts';

export interface ExportedPack {
  lang: LocalePath;
  title: string;
  /** Path inside the export folder, e.g. `hmong/fake-jobs-hmong.html`. */
  path: string;
  bytes: number;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char] ?? 'amp'};`);

/** The pack files of one language in a built client folder, with their headers. */
function packFilesOf(client: string, lang: LocalePath): { file: string; header: PackFileHeader }[] {
  const materials = join(client, lang, 'materials');
  if (!existsSync(materials)) return [];
  return readdirSync(materials)
    .sort()
    .flatMap((slug) => {
      const file = join(materials, slug, packFileName(lang, slug));
      if (!existsSync(file)) return [];
      const parsed = splitPackFile(readFileSync(file, 'utf8'));
      if (!parsed) throw new Error(`${file} is not a pack file: rebuild the site (npm run build).`);
      return [{ file, header: parsed.header }];
    });
}

/** The index page: one section per language (named by its endonym), each pack with its size. */
export function exportIndex(packs: readonly ExportedPack[], siteName: string): string {
  const sections = localePaths.flatMap((lang) => {
    const own = packs.filter((pack) => pack.lang === lang);
    if (own.length === 0) return [];
    const locale = getLocale(lang);
    const items = own.map(
      (pack) =>
        `<li><a href="${escapeHtml(pack.path)}">${escapeHtml(pack.title)}</a> (${formatMegabytes(locale.formatLocale, pack.bytes)} MB)</li>`,
    );
    return [
      `<section lang="${locale.tag}"><h2>${escapeHtml(locale.endonym)}</h2><ul>\n${items.join('\n')}\n</ul></section>`,
    ];
  });
  return `<!doctype html>
<html lang="${getLocale(sourceLocale).tag}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="content-security-policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(siteName)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;line-height:1.5}li{margin:.5rem 0}</style>
</head><body><h1>${escapeHtml(siteName)}</h1>
${sections.join('\n')}
</body></html>
`;
}

/**
 * Copies the pack files of `languages` (every language when empty) from a built client folder
 * into `out/<lang>/` and writes `out/index.html`. Throws with a plain message when the build or
 * a language is missing.
 */
export function exportPackFiles(
  client: string,
  out: string,
  languages: readonly string[],
  siteName: string,
): ExportedPack[] {
  const unknown = languages.filter((lang) => !(localePaths as readonly string[]).includes(lang));
  if (unknown.length > 0)
    throw new Error(`Unknown language ${unknown.join(', ')}: use one of ${localePaths.join(', ')}.`);
  if (!existsSync(client)) throw new Error(`${client} does not exist: build the site first (npm run build).`);
  const wanted = localePaths.filter((lang) => languages.length === 0 || languages.includes(lang));
  const packs: ExportedPack[] = [];
  for (const lang of wanted) {
    const files = packFilesOf(client, lang);
    if (files.length > 0) mkdirSync(join(out, lang), { recursive: true });
    for (const { file, header } of files) {
      const path = `${lang}/${packFileName(lang, header.slug)}`;
      copyFileSync(file, join(out, path));
      packs.push({ lang, title: header.title, path, bytes: statSync(file).size });
    }
  }
  if (packs.length === 0) throw new Error(`${client} holds no pack files: build the site first (npm run build).`);
  writeFileSync(join(out, 'index.html'), exportIndex(packs, siteName));
  return packs;
}
