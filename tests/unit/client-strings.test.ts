/**
 * The one way UI strings reach browser code (src/i18n/translate.ts): picked on the server in the
 * page's language, handed over as one typed object, filled in by `translator`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientStrings, keysStartingWith, pickStrings } from '../../src/i18n/client-strings.ts';
import { translator } from '../../src/i18n/translate.ts';
import { uiStrings } from '../../src/i18n/ui.ts';

describe('strings for the browser', () => {
  it("are the page language's own, with Vietnamese only where a key is not translated", () => {
    const picked = pickStrings('en', ['log.submit', 'search.count']);
    expect(picked).toEqual({ 'log.submit': uiStrings.en['log.submit'], 'search.count': uiStrings.en['search.count'] });
    expect(JSON.parse(clientStrings('thai', ['log.submit']))).toEqual({
      'log.submit': uiStrings.thai['log.submit'] ?? uiStrings.vi['log.submit'],
    });
  });

  it('of a whole feature are every key with its prefix, and no other', () => {
    const keys = keysStartingWith('enrol.', 'outbox.');
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.every((key) => key.startsWith('enrol.') || key.startsWith('outbox.'))).toBe(true);
    expect(keys).toEqual(Object.keys(uiStrings.vi).filter((key) => /^(enrol|outbox)\./.test(key)));
  });

  it('fill their placeholders as i18next does on the server, and give nothing for a key not handed over', () => {
    // A key the script did not ask for is a type error; one asked for but missing gives nothing.
    const t = translator<'log.sum' | 'log.error.range' | 'log.submit'>({
      'log.sum': 'Total so far: {{sum}}',
      'log.error.range': 'From {{min}} to {{max}}',
    });
    expect(t('log.sum', { sum: '1,234' })).toBe('Total so far: 1,234');
    expect(t('log.error.range', { min: 0, max: '2,000' })).toBe('From 0 to 2,000');
    expect(t('log.submit')).toBe('');
  });

  it('reach page scripts only in a data-strings attribute, never in attributes of their own or inline JSON', () => {
    const files = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) =>
        statSync(join(folder, name)).isDirectory()
          ? files(join(folder, name))
          : name.endsWith('.astro')
            ? [join(folder, name)]
            : [],
      );
    const strays = files('src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/data-(?!strings)[\w-]+=\{(?:t\(|JSON\.stringify)/g)].map(
        (match) => `${file}: ${match[0]}`,
      ),
    );
    expect(strays).toEqual([]);
  });
});
