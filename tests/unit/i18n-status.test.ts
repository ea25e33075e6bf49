/**
 * The translation-status report's counting (src/i18n/status.ts) on a small hand-made document set,
 * and the query that feeds it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDocumentsQuery } from '../../src/content/queries.ts';
import { createEmbeddedSource } from '../../src/content/sources/embedded.ts';
import {
  contentCounts,
  formatStatusTable,
  localizedTextFields,
  missingUiKeys,
  percent,
  uiCounts,
  uiStringCount,
} from '../../src/i18n/status.ts';

type Texts = Record<string, unknown>;
const localeString = (texts: Texts) => ({ _type: 'localeString', ...texts });
const localeText = (texts: Texts) => ({ _type: 'localeText', ...texts });
const paragraph = (text: string) => [{ _type: 'block', _key: 'b', children: [{ _type: 'span', _key: 's', text }] }];

/** Hmong reviewed and complete; Dao with a title but only needsReview; Thai a draft. */
const material = {
  _id: 'material-1',
  _type: 'material',
  title: localeString({ vi: 'Việc làm giả', hmong: 'Hauj lwm cuav', dao: 'Nduov mienh nyei gong-zoux', thai: '' }),
  summary: localeText({ vi: 'Tóm tắt', hmong: 'Lus luv' }),
  slides: [
    {
      _key: 's1',
      _type: 'slide',
      heading: localeString({ vi: 'Trang 1', hmong: 'Nplooj 1' }),
      // A paragraph of spaces left behind by the editor is no text.
      body: {
        _type: 'localeBlockContent',
        vi: paragraph('Nội dung'),
        hmong: paragraph('Cov lus'),
        dao: paragraph('  '),
      },
      teacherNotes: localeText({ vi: 'Ghi chú', hmong: 'Lus ceeb toom' }),
      image: { _type: 'image', alt: localeString({ vi: 'Ảnh', hmong: 'Duab' }) },
      // Audio is welcome, never counted.
      audio: { _type: 'localeAudio', vi: { _type: 'file' }, dao: { _type: 'file' } },
    },
    {
      _key: 's2',
      _type: 'slide',
      heading: localeString({ vi: 'Trang 2', hmong: 'Nplooj 2', thai: 'ꪙꪱ 2' }),
      // No Vietnamese, so nothing to translate.
      teacherNotes: localeText({ hmong: 'Tsuas yog lus Hmoob' }),
    },
  ],
  translations: { hmong: { status: 'reviewed' }, dao: { status: 'needsReview' }, thai: { status: 'draft' } },
};

/** Dao reviewed, with one of its two texts. */
const topic = {
  _id: 'topic-1',
  _type: 'topic',
  title: localeString({ vi: 'Chủ đề', dao: 'Gorngv nyei sic' }),
  description: localeText({ vi: 'Mô tả' }),
  translations: { dao: { status: 'reviewed' } },
};

const documents = [material, topic];

describe('content counts', () => {
  it('finds localized text fields however deeply nested, leaving audio out', () => {
    expect(localizedTextFields(material)).toHaveLength(8);
    expect(
      localizedTextFields({ translations: { hmong: { status: 'reviewed' } }, audio: material.slides[0]?.audio }),
    ).toEqual([]);
  });

  it('counts only fields with Vietnamese text, and Vietnamese as complete and reviewed', () => {
    expect(contentCounts(documents, 'vi')).toEqual({
      translated: { done: 9, total: 9 },
      reviewed: { done: 9, total: 9 },
    });
  });

  it('counts a reviewed, complete Hmong translation as translated and reviewed', () => {
    expect(contentCounts(documents, 'hmong')).toEqual({
      translated: { done: 7, total: 9 },
      reviewed: { done: 7, total: 9 },
    });
  });

  it('counts Dao text marked needsReview as translated but not reviewed, and blank text as missing', () => {
    expect(contentCounts(documents, 'dao')).toEqual({
      translated: { done: 2, total: 9 },
      reviewed: { done: 1, total: 9 },
    });
  });

  it('counts Thai text in a nested slide of a draft translation as translated only', () => {
    expect(contentCounts(documents, 'thai')).toEqual({
      translated: { done: 1, total: 9 },
      reviewed: { done: 0, total: 9 },
    });
  });

  it('gives nothing to a language without any text', () => {
    expect(contentCounts(documents, 'en')).toEqual({
      translated: { done: 0, total: 9 },
      reviewed: { done: 0, total: 9 },
    });
  });

  it('reads only published documents through the shared query', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'i18n-status-'));
    const draft = { ...topic, _id: 'drafts.topic-1', title: localeString({ vi: 'Nháp', dao: 'Nháp' }) };
    writeFileSync(join(folder, 'data.ndjson'), [material, topic, draft].map((doc) => JSON.stringify(doc)).join('\n'));
    const fetched = await createEmbeddedSource(folder).fetch<{ _id: string }[]>(allDocumentsQuery);
    expect(fetched.map((doc) => doc._id).sort()).toEqual(['material-1', 'topic-1']);
    expect(contentCounts(fetched, 'dao').translated).toEqual({ done: 2, total: 9 });
  });
});

describe('UI-string counts', () => {
  const source = { 'a.one': 'Một', 'a.two': 'Hai', 'a.three': 'Ba' };

  it('counts source keys present with text, ignoring blanks and keys the source lacks', () => {
    expect(uiStringCount(source, { 'a.one': 'Ib', 'a.two': '  ', 'a.extra': 'Plaub' })).toEqual({ done: 1, total: 3 });
    expect(missingUiKeys(source, { 'a.one': 'Ib', 'a.two': '  ' })).toEqual(['a.two', 'a.three']);
  });

  it('counts a language without a file as having nothing', () => {
    expect(uiStringCount(source, undefined)).toEqual({ done: 0, total: 3 });
  });
});

describe('the report', () => {
  const ui = { a: 'Một', b: 'Hai', c: 'Ba' };

  it('rounds shares down so that 100% means complete', () => {
    expect(percent({ done: 199, total: 200 })).toBe(99);
    expect(percent({ done: 2, total: 3 })).toBe(66);
    expect(percent({ done: 0, total: 0 })).toBe(100);
  });

  it('prints one row per language with counts and shares', () => {
    const table = formatStatusTable([
      {
        lang: 'vi',
        name: 'Vietnamese',
        ui: uiCounts(ui, ui, 'reviewed'),
        content: contentCounts(documents, 'vi'),
        outdated: 0,
      },
      {
        lang: 'dao',
        name: 'Iu Mien (Dao Đỏ)',
        ui: uiCounts(ui, { a: 'Ib' }, 'needsReview'),
        content: contentCounts(documents, 'dao'),
        outdated: 2,
      },
    ]);
    const rows = table.split('\n').slice(2);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^dao\s+Iu Mien \(Dao Đỏ\)\s+1\/3\s+33%\s+0\/3\s+0%\s+2\/9\s+22%\s+1\/9\s+11%\s+2$/);
  });

  it('counts UI strings as reviewed only when the language file is marked reviewed', () => {
    expect(uiCounts(ui, { a: 'A', b: 'B' }, 'reviewed')).toEqual({
      translated: { done: 2, total: 3 },
      reviewed: { done: 2, total: 3 },
    });
    expect(uiCounts(ui, { a: 'A', b: 'B' }, 'needsReview').reviewed).toEqual({ done: 0, total: 3 });
    expect(uiCounts(ui, { a: 'A', b: 'B' }, undefined).reviewed).toEqual({ done: 0, total: 3 });
  });
});
