/**
 * The single-file form of a lesson pack: one HTML file per pack and language that a teacher can
 * share phone to phone (Zalo, Bluetooth, an SD card) and open or import with no connection.
 * Its second line is a machine-readable header; the hash covers every byte after that line.
 * Shared by the build (src/integrations/pack-files.ts) and the import (src/offline/import-file.ts),
 * so it holds no Node or DOM API.
 */

/** What the header says about the pack. */
export interface PackFileHeader {
  /** Format of the file; a later format gets a new number. */
  format: 1;
  lang: string;
  slug: string;
  title: string;
  /** The pack's content version, as in its `offline.json` and `/offline-versions.json`. */
  version: string;
  /** SHA-256 (hex) of the UTF-8 bytes after the header line. */
  hash: string;
}

const opening = '<!doctype html>\n<!--lesson-pack ';
const closing = '-->\n';

/** Marks where the pack page shows the file's size until the build writes it in (src/components/PackFile.astro). */
export const sizePlaceholder = '__PACK_FILE_SIZE__';

/** The file's name, e.g. `fake-jobs-hmong.html`. */
export const packFileName = (lang: string, slug: string) => `${slug}-${lang}.html`;

/** Where the build publishes it, next to the pack page. */
export const packFileUrl = (lang: string, slug: string) => `/${lang}/materials/${slug}/${packFileName(lang, slug)}`;

/**
 * The whole file: doctype, header line, body. `--` is escaped inside the JSON (as `-\u002d`) so
 * that no title can end the comment early.
 */
export function withHeader(header: PackFileHeader, body: string): string {
  return `${opening}${JSON.stringify(header).replaceAll('--', '-\\u002d')}${closing}${body}`;
}

const hex = /^[0-9a-f]+$/;

/** The header and body of a pack file, or undefined when the text is not one. */
export function splitPackFile(text: string): { header: PackFileHeader; body: string } | undefined {
  if (!text.startsWith(opening)) return undefined;
  const end = text.indexOf(closing, opening.length);
  if (end < 0) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(text.slice(opening.length, end));
  } catch {
    return undefined;
  }
  if (!isHeader(header)) return undefined;
  return { header, body: text.slice(end + closing.length) };
}

function isHeader(value: unknown): value is PackFileHeader {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  const word = (key: string) => typeof header[key] === 'string' && /^[a-z0-9-]+$/.test(header[key]);
  return (
    header['format'] === 1 &&
    word('lang') &&
    word('slug') &&
    typeof header['title'] === 'string' &&
    typeof header['version'] === 'string' &&
    hex.test(header['version']) &&
    typeof header['hash'] === 'string' &&
    header['hash'].length === 64 &&
    hex.test(header['hash'])
  );
}
