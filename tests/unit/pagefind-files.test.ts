import { describe, expect, it } from 'vitest';
import { locales } from '../../src/i18n/locales.ts';
import {
  offlineFiles,
  pagefindLanguage,
  type BundleFile,
  type PagefindEntry,
} from '../../src/integrations/pagefind-files.ts';

/** A small bundle as Pagefind 1.6 writes it for Vietnamese, Hmong and English. */
const entry: PagefindEntry = {
  version: '1.6.0',
  languages: {
    'hmn-latn-vn': { hash: 'hmn-latn-vn_df69435', wasm: null, page_count: 2 },
    en: { hash: 'en_e7bd571070', wasm: 'en', page_count: 2 },
    vi: { hash: 'vi_8ebf35bbbb', wasm: null, page_count: 3 },
  },
};

const bundle: BundleFile[] = [
  { path: 'pagefind.js', bytes: 100 },
  { path: 'pagefind-worker.js', bytes: 90 },
  { path: 'pagefind-entry.json', bytes: 5 },
  { path: 'pagefind-ui.js', bytes: 5000 },
  { path: 'pagefind-highlight.js', bytes: 400 },
  { path: 'pagefind.vi_8ebf35bbbb.pf_meta', bytes: 3 },
  { path: 'pagefind.hmn-latn-vn_df69435.pf_meta', bytes: 4 },
  { path: 'pagefind.en_e7bd571070.pf_meta', bytes: 2 },
  { path: 'wasm.unknown.pagefind', bytes: 50 },
  { path: 'wasm.en.pagefind', bytes: 60 },
  { path: 'index/vi_ed2ec21.pf_index', bytes: 7 },
  { path: 'index/hmn-latn-vn_bb3f1d1.pf_index', bytes: 8 },
  { path: 'index/en_aaf417d.pf_index', bytes: 9 },
  { path: 'fragment/vi_group_2bfe15d.pf_fragment', bytes: 11 },
  { path: 'fragment/vi_10e261a.pf_fragment', bytes: 12 },
  { path: 'fragment/hmn-latn-vn_139ccd6.pf_fragment', bytes: 13 },
  { path: 'filter/vi_aa11.pf_filter', bytes: 1 },
  { path: 'offline/vi.json', bytes: 300 },
];

describe('the Pagefind language a search page uses', () => {
  it('is the lowercased <html lang>, as Pagefind keys it', () => {
    expect(pagefindLanguage(entry, 'hmn-Latn-VN')).toBe('hmn-latn-vn');
    expect(pagefindLanguage(entry, 'vi')).toBe('vi');
  });

  it('falls back to the primary subtag, then to the language with the most pages', () => {
    expect(pagefindLanguage(entry, 'en-GB')).toBe('en');
    expect(pagefindLanguage(entry, 'ium-Latn-VN')).toBe('vi');
    expect(pagefindLanguage({ version: '1.6.0', languages: {} }, 'vi')).toBeUndefined();
  });

  it('is each language’s own index when every language has pages', () => {
    const all: PagefindEntry = {
      version: '1.6.0',
      languages: Object.fromEntries(
        locales.map((locale) => [
          locale.tag.toLowerCase(),
          { hash: `${locale.tag.toLowerCase()}_1`, wasm: null, page_count: 1 },
        ]),
      ),
    };
    expect(locales.map((locale) => pagefindLanguage(all, locale.tag))).toEqual([
      'vi',
      'hmn-latn-vn',
      'ium-latn-vn',
      'blt-tavt-vn',
      'en',
    ]);
  });
});

describe('the files to keep for searching a language offline', () => {
  it('are the scripts, the entry, the language’s meta, its wasm and only its own chunks', () => {
    const vi = offlineFiles(entry, bundle, 'vi');
    expect(vi.language).toBe('vi');
    expect(vi.files).toEqual([
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-worker.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.vi_8ebf35bbbb.pf_meta',
      '/pagefind/wasm.unknown.pagefind',
      '/pagefind/filter/vi_aa11.pf_filter',
      '/pagefind/fragment/vi_10e261a.pf_fragment',
      '/pagefind/fragment/vi_group_2bfe15d.pf_fragment',
      '/pagefind/index/vi_ed2ec21.pf_index',
    ]);
    expect(vi.bytes).toBe(100 + 90 + 5 + 3 + 50 + 1 + 12 + 11 + 7);
  });

  it('use the stemming wasm for English and the generic one for Hmong', () => {
    expect(offlineFiles(entry, bundle, 'en').files).toContain('/pagefind/wasm.en.pagefind');
    const hmong = offlineFiles(entry, bundle, 'hmn-Latn-VN');
    expect(hmong.files).toContain('/pagefind/wasm.unknown.pagefind');
    expect(hmong.files.filter((file) => /\/(index|fragment|filter)\//.test(file))).toEqual([
      '/pagefind/fragment/hmn-latn-vn_139ccd6.pf_fragment',
      '/pagefind/index/hmn-latn-vn_bb3f1d1.pf_index',
    ]);
  });

  it('fail loudly when the bundle lacks a file Pagefind would load', () => {
    const noWorker = bundle.filter((file) => file.path !== 'pagefind-worker.js');
    expect(() => offlineFiles(entry, noWorker, 'vi')).toThrow(/lacks pagefind-worker\.js/);
    expect(() => offlineFiles({ version: '1.6.0', languages: {} }, bundle, 'vi')).toThrow(/no index/);
  });
});
