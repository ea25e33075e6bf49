import { describe, expect, it } from 'vitest';
import {
  packFileName,
  packFileUrl,
  splitPackFile,
  withHeader,
  type PackFileHeader,
} from '../../src/offline/pack-file.ts';

const header: PackFileHeader = {
  format: 1,
  lang: 'thai',
  slug: 'fake-jobs',
  title: 'ꪎꪱꪫ ꪹꪚꪷꪉ',
  version: '0123456789abcdef',
  hash: 'ab'.repeat(32),
};

describe('the header of a pack file', () => {
  it('reads back what was written, and the body after it byte for byte', () => {
    const text = withHeader(header, '<html lang="blt-Tavt-VN"><body>x</body></html>');
    expect(text.startsWith('<!doctype html>\n<!--lesson-pack {')).toBe(true);
    expect(splitPackFile(text)).toEqual({ header, body: '<html lang="blt-Tavt-VN"><body>x</body></html>' });
  });

  it('keeps a title with "--" or "-->" from ending the comment early', () => {
    const tricky = { ...header, title: 'Jobs --> over the border -- now' };
    const text = withHeader(tricky, '<html></html>');
    expect(text.split('-->').length).toBe(2);
    expect(splitPackFile(text)?.header.title).toBe(tricky.title);
  });

  it('finds no pack in another page, a header with a missing or malformed field, or broken JSON', () => {
    expect(splitPackFile('<!doctype html><html><body>a page</body></html>')).toBeUndefined();
    expect(splitPackFile('')).toBeUndefined();
    const text = (value: object) => `<!doctype html>\n<!--lesson-pack ${JSON.stringify(value)}-->\n<html></html>`;
    expect(splitPackFile(text(header))).toBeDefined();
    expect(splitPackFile(text({ ...header, format: 2 }))).toBeUndefined();
    expect(splitPackFile(text({ ...header, hash: 'ab' }))).toBeUndefined();
    expect(splitPackFile(text({ ...header, lang: '../x' }))).toBeUndefined();
    expect(splitPackFile(text({ ...header, version: undefined }))).toBeUndefined();
    expect(splitPackFile('<!doctype html>\n<!--lesson-pack {"format":1,-->\n<html></html>')).toBeUndefined();
  });

  it('names the file after the pack and language, next to the pack page', () => {
    expect(packFileName('hmong', 'fake-jobs')).toBe('fake-jobs-hmong.html');
    expect(packFileUrl('hmong', 'fake-jobs')).toBe('/hmong/materials/fake-jobs/fake-jobs-hmong.html');
  });
});
