/**
 * The UI-string files: one per language of the locale table, each with exactly the keys of the
 * Vietnamese source, no blanks, the source's placeholders, and Tai Dam in its own script.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localePaths, sourceLocale } from '../../src/i18n/locales.ts';

type Strings = Record<string, string>;

const folder = 'src/i18n/ui';

function readStrings(name: string): Strings {
  return JSON.parse(readFileSync(`${folder}/${name}.json`, 'utf8')) as Strings;
}

/** Keys a file lacks and keys it has that the source does not, as readable problems. */
function keyProblems(source: Strings, strings: Strings): string[] {
  const missing = Object.keys(source).filter((key) => !Object.hasOwn(strings, key));
  const unknown = Object.keys(strings).filter((key) => !Object.hasOwn(source, key));
  return [...missing.map((key) => `missing ${key}`), ...unknown.map((key) => `unknown ${key}`)];
}

/** The `{{name}}` placeholders of a string, sorted, e.g. `['max', 'min']`. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

/** Keys whose placeholders differ from the source's: one missing, renamed or added. */
function placeholderProblems(source: Strings, strings: Strings): string[] {
  return Object.keys(source)
    .filter((key) => strings[key] !== undefined)
    .filter((key) => placeholders(strings[key] ?? '').join() !== placeholders(source[key] ?? '').join())
    .map((key) => `${key}: expected {{${placeholders(source[key] ?? '').join('}}, {{')}}}`);
}

const taiViet = /[\uAA80-\uAADF]/u;
const thaiOfThailand = /[\u0E00-\u0E7F]/u;

/** Whether a Tai Dam string is in Tai Viet letters (placeholders and Latin names aside). */
function isTaiViet(text: string): boolean {
  const words = text.replace(/\{\{[^}]*\}\}/g, '');
  return !thaiOfThailand.test(words) && (!/\p{L}/u.test(words) || taiViet.test(words));
}

const source = readStrings(sourceLocale);
const translated = localePaths.filter((path) => path !== sourceLocale);

describe('the UI-string checks themselves', () => {
  it('report a key missing from a translation and a key unknown to the source', () => {
    expect(keyProblems({ 'a.b': 'Một', 'a.c': 'Hai' }, { 'a.b': 'Ib', 'a.d': 'Peb' })).toEqual([
      'missing a.c',
      'unknown a.d',
    ]);
  });

  it('report a dropped, renamed or added placeholder', () => {
    const vi = { one: 'Gọi {{number}}', two: '{{min}}–{{max}} tuổi', three: 'Trang' };
    expect(
      placeholderProblems(vi, { one: 'Hu', two: '{{min}}–{{maximum}} xyoos', three: 'Nplooj {{n}}' }),
    ).toHaveLength(3);
    expect(placeholderProblems(vi, { one: 'Hu {{ number }}', two: '{{max}} {{min}}', three: 'Nplooj' })).toEqual([]);
  });

  it('reject Thai-of-Thailand letters and accept Tai Viet', () => {
    expect(isTaiViet('โทร {{number}}')).toBe(false);
    expect(isTaiViet('Call {{number}}')).toBe(false);
    expect(isTaiViet('ꪶꪖ {{number}}')).toBe(true);
    expect(isTaiViet('{{min}}–{{max}}')).toBe(true);
  });
});

describe('the UI-string files', () => {
  it.each(localePaths)('has a file for %s that parses as a flat object of strings', (path) => {
    expect(existsSync(`${folder}/${path}.json`), `add ${folder}/${path}.json`).toBe(true);
    const strings = readStrings(path);
    expect(Object.values(strings).every((value) => typeof value === 'string')).toBe(true);
  });

  it.each(translated)('gives %s exactly the keys of the Vietnamese source', (path) => {
    expect(keyProblems(source, readStrings(path))).toEqual([]);
  });

  it.each(localePaths)('leaves no string blank in %s', (path) => {
    const blank = Object.entries(readStrings(path)).filter(([, value]) => value.trim() === '');
    expect(blank.map(([key]) => key)).toEqual([]);
  });

  it.each(translated)('keeps every placeholder of the Vietnamese string, and no other, in %s', (path) => {
    expect(placeholderProblems(source, readStrings(path))).toEqual([]);
  });

  it('gives translators a context note for exactly the keys of the source', () => {
    const context = readStrings('context');
    expect(keyProblems(source, context)).toEqual([]);
    expect(Object.entries(context).filter(([, note]) => note.trim() === '' || note.includes('\n'))).toEqual([]);
  });

  it('writes Tai Dam in Tai Viet letters, never in the Thai script of Thailand', () => {
    const thai = readStrings('thai');
    expect(Object.entries(thai).filter(([, text]) => !isTaiViet(text))).toEqual([]);
  });
});
