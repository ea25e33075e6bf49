/**
 * The offline translators' round trip (src/content/translations/): export → edit → import gives
 * back the same documents except the edited translation, in every format, and the import refuses
 * what would break a page or hide a changed source.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/content/sources/embedded.ts';
import { mentionsRetiredHotline } from '../../src/content/translations/checks.ts';
import {
  exportUnits,
  planImport,
  readUnits,
  writeUnits,
  type Format,
} from '../../src/content/translations/roundTrip.ts';
import { datasetStore } from '../../src/content/translations/store.ts';
import type { LocalePath } from '../../src/i18n/locales.ts';

const span = (text: string, marks: string[] = []) => ({ _type: 'span', text, marks });
/** A pack whose second paragraph has a bold run and a link, translated into Hmong and reviewed. */
interface Block {
  [key: string]: unknown;
  children: { text: string; marks: string[] }[];
}
/** The fields of the test pack these tests read or change; the rest stays as the dataset has it. */
interface Pack {
  [key: string]: unknown;
  title: Record<string, string>;
  slides: { [key: string]: unknown; heading: Record<string, string>; body: Record<string, string | Block[]> }[];
  translations: Record<string, unknown>;
}
function pack(): Pack {
  const vi = [
    {
      _type: 'block',
      _key: 'p1',
      style: 'normal',
      markDefs: [],
      children: [{ ...span('Cẩn thận với việc làm lương cao.'), _key: 'p1a' }],
    },
    {
      _type: 'block',
      _key: 'p2',
      style: 'normal',
      markDefs: [{ _type: 'link', _key: 'l1', href: 'tel:111' }],
      children: [
        { ...span('Gọi '), _key: 'p2a' },
        { ...span('111', ['strong']), _key: 'p2b' },
        { ...span(' hoặc '), _key: 'p2c' },
        { ...span('bấm đây', ['l1']), _key: 'p2d' },
        { ...span('.'), _key: 'p2e' },
      ],
    },
  ];
  return {
    _id: 'material-trip',
    _type: 'material',
    slug: { _type: 'slug', current: 'trip' },
    title: { _type: 'localeString', vi: 'Việc làm giả', hmong: 'Hauj lwm cuav', thai: 'ꪹꪔꪙ' },
    summary: { _type: 'localeText', vi: 'Dòng một\nDòng hai' },
    slides: [
      {
        _type: 'slide',
        _key: 's1',
        heading: { _type: 'localeString', vi: 'Trang một' },
        body: { _type: 'localeBlockContent', vi },
      },
    ],
    topics: [{ _type: 'reference', _ref: 'topic-x', _key: 't' }],
    translations: {
      hmong: {
        _type: 'translationStatus',
        status: 'reviewed',
        reviewer: 'A',
        reviewedAt: '2026-01-01',
        sourceHash: 'x',
      },
      thai: { _type: 'translationStatus', status: 'draft' },
    },
  };
}
const other = { _id: 'topic-x', _type: 'topic', title: { _type: 'localeString', vi: 'Chủ đề' }, translations: {} };

/** Export of `lang` as file bytes. */
async function exported(format: Format, lang: LocalePath = 'hmong', documents = [pack(), other]): Promise<Uint8Array> {
  const file = await writeUnits(exportUnits(documents, lang), lang, format);
  return typeof file === 'string' ? new TextEncoder().encode(file) : file;
}

/** Sets the target of unit `id` in a file, the way a translator's tool or spreadsheet would. */
async function edit(
  format: Format,
  data: Uint8Array,
  id: string,
  target: string,
  source?: string,
): Promise<Uint8Array> {
  if (format === 'csv') {
    const rows = parse<Record<string, string>>(new TextDecoder().decode(data).replace(/^\uFEFF/, ''), {
      columns: true,
    });
    const row = rows.find((candidate) => candidate['id'] === id)!;
    row['target'] = target;
    if (source !== undefined) row['source'] = source;
    return new TextEncoder().encode(stringify(rows, { header: true }));
  }
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    sheet.eachRow((row) => {
      if (row.getCell(1).value !== id) return;
      row.getCell(5).value = target;
      if (source !== undefined) row.getCell(4).value = source;
    });
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  // XLIFF: the cell syntax {1}…{/1} becomes <g id="1">…</g>, as a translation tool writes it.
  const xml = (text: string) => text.replace(/\{(\d+)\}/g, '<g id="$1" ctype="x-marks">').replace(/\{\/\d+\}/g, '</g>');
  const [documentId, field] = id.split('|') as [string, string];
  const text = new TextDecoder().decode(data);
  const file = text.indexOf(`original="${documentId}"`);
  const start = text.indexOf(`<trans-unit id="${field}"`, file);
  const end = text.indexOf('</trans-unit>', start);
  let unit = text.slice(start, end);
  unit = unit.replace(/<target>[\s\S]*?<\/target>|<target\/>/, `<target>${xml(target)}</target>`);
  if (source !== undefined) unit = unit.replace(/<source>[\s\S]*?<\/source>/, `<source>${xml(source)}</source>`);
  return new TextEncoder().encode(text.slice(0, start) + unit + text.slice(end));
}

async function importFile(format: Format, data: Uint8Array, documents = [pack(), other], lang: LocalePath = 'hmong') {
  const read = await readUnits(data, format);
  return { read, plan: planImport(documents, read.units, lang) };
}

const formats: Format[] = ['xliff', 'csv', 'xlsx'];

describe.each(formats)('the %s round trip', (format) => {
  it('gives back the same documents except the edited translation, marked needs review', async () => {
    const file = await edit(format, await exported(format), 'material-trip|slides[s1].heading', 'Nplooj ib');
    const { read, plan } = await importFile(format, file);
    if (format !== 'csv') expect(read.lang).toBe('hmong');
    expect(plan.outcomes.filter((outcome) => outcome.result !== 'unchanged')).toEqual([
      { id: 'material-trip|slides[s1].heading', result: 'updated' },
    ]);
    const expected = pack();
    expected.slides[0]!.heading['hmong'] = 'Nplooj ib';
    expected.translations['hmong'] = { _type: 'translationStatus', status: 'needsReview' };
    expect(plan.changes.map((change) => change.document)).toEqual([expected]);
  });

  it("keeps the marks and the link of a paragraph through its placeholders, in the translation's order", async () => {
    const id = 'material-trip|slides[s1].body[p2]';
    const file = await edit(format, await exported(format), id, 'Nias {2}ntawm no{/2} los hu {1}111{/1}.');
    const { plan } = await importFile(format, file);
    expect(plan.outcomes.find((outcome) => outcome.id === id)).toEqual({ id, result: 'updated' });
    const body = (plan.changes[0]!.document as Pack).slides[0]!.body['hmong'] as Block[];
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ _key: 'p2', style: 'normal', markDefs: [{ _key: 'l1', href: 'tel:111' }] });
    expect(body[0]!.children.map((child) => [child.text, child.marks])).toEqual([
      ['Nias ', []],
      ['ntawm no', ['l1']],
      [' los hu ', []],
      ['111', ['strong']],
      ['.', []],
    ]);
    // Exported again, the paragraph reads as it was written.
    const again = exportUnits(
      plan.changes.map((change) => change.document),
      'hmong',
    ).find((unit) => unit.id === id)!;
    expect(again.target).toEqual(['Nias ', { id: '2', text: 'ntawm no' }, ' los hu ', { id: '1', text: '111' }, '.']);
  });

  it('refuses a paragraph whose placeholders changed, and writes nothing of it', async () => {
    const id = 'material-trip|slides[s1].body[p2]';
    const file = await edit(format, await exported(format), id, 'Hu {1}111{/1}.');
    const { plan } = await importFile(format, file);
    expect(plan.outcomes.find((outcome) => outcome.id === id)).toMatchObject({
      result: 'refused',
      reason: expect.stringContaining('slides[s1].body[p2]'),
    });
    expect(plan.changes).toEqual([]);
  });

  it('refuses Latin text in a Tai Dam unit, and takes Tai Viet', async () => {
    const id = 'material-trip|slides[s1].heading';
    const latin = await edit(format, await exported(format, 'thai'), id, 'Trang mot');
    expect((await importFile(format, latin, undefined, 'thai')).plan.outcomes.find((o) => o.id === id)).toMatchObject({
      result: 'refused',
      reason: expect.stringContaining('Tai Viet'),
    });
    const taiViet = await edit(format, await exported(format, 'thai'), id, 'ꪀꪫꪾ ꪼꪕ');
    expect((await importFile(format, taiViet, undefined, 'thai')).plan.outcomes.find((o) => o.id === id)).toMatchObject(
      { result: 'updated' },
    );
  });

  it('reports a unit whose Vietnamese changed since the export as a conflict naming the field', async () => {
    const id = 'material-trip|title';
    const file = await edit(format, await exported(format), id, 'Hauj lwm dag');
    const changed = pack();
    changed.title['vi'] = 'Việc làm lừa đảo';
    const { plan } = await importFile(format, file, [changed, other]);
    expect(plan.outcomes.find((outcome) => outcome.id === id)).toMatchObject({
      result: 'conflict',
      reason: expect.stringContaining('material-trip title changed since the export'),
    });
    expect(plan.changes).toEqual([]);
  });

  it('reports a translation changed in the content since the export as a conflict, not overwriting it', async () => {
    const id = 'material-trip|title';
    const file = await edit(format, await exported(format), id, 'Hauj lwm dag');
    const edited = pack();
    edited.title['hmong'] = 'Hauj lwm tsis tseeb';
    const { plan } = await importFile(format, file, [edited, other]);
    expect(plan.outcomes.find((outcome) => outcome.id === id)).toMatchObject({ result: 'conflict' });
  });
});

describe('the import', () => {
  it('refuses an unknown id and a retired hotline', async () => {
    const units = [
      { id: 'material-gone|title', source: ['X'], target: ['Y'] },
      { id: 'material-trip|summary', source: ['Dòng một\nDòng hai'], target: ['Hu 1800 1567'] },
    ];
    const plan = planImport([pack(), other], units, 'hmong');
    expect(plan.outcomes).toEqual([
      { id: 'material-gone|title', result: 'refused', reason: expect.stringContaining('unknown id') },
      { id: 'material-trip|summary', result: 'refused', reason: expect.stringContaining('111') },
    ]);
    expect(mentionsRetiredHotline('gọi 1800.1567')).toBe(true);
    expect(mentionsRetiredHotline('gọi 111, 18001 5678')).toBe(false);
  });

  it('exports one pack with --pack, and refuses a slug that is no pack', () => {
    expect(new Set(exportUnits([pack(), other], 'hmong', 'trip').map((unit) => unit.documentId))).toEqual(
      new Set(['material-trip']),
    );
    expect(() => exportUnits([pack(), other], 'hmong', 'nope')).toThrow(/no lesson pack has the slug "nope"/);
  });

  it("writes into a dataset folder only the changed document's line", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'translations-'));
    const original = readFileSync('tests/fixtures/dataset/data.ndjson', 'utf8');
    writeFileSync(join(folder, 'data.ndjson'), original);
    const store = datasetStore(folder);
    const units = exportUnits(await store.documents(), 'dao', 'fixture-jobcentre-pack');
    const title = units.find((unit) => unit.field === 'title')!;
    const plan = planImport(
      await store.documents(),
      [{ id: title.id, source: title.source, target: ['Gong cuotv'] }],
      'dao',
    );
    await store.write(plan.changes, 'dao');
    const before = original.split('\n');
    const after = readFileSync(join(folder, 'data.ndjson'), 'utf8').split('\n');
    expect(
      after.filter((line, index) => line !== before[index]).map((line) => (JSON.parse(line) as { _id: string })._id),
    ).toEqual(['material-fixture-jobcentre-pack']);
    const written = readDataset(join(folder, 'data.ndjson')).find(
      (doc) => doc['_id'] === 'material-fixture-jobcentre-pack',
    )!;
    expect(written['title']).toMatchObject({ dao: 'Gong cuotv' });
    expect(written['translations']).toMatchObject({ dao: { status: 'needsReview' } });
  });
});

describe('the import into a Sanity project', () => {
  it("sends one transaction that sets each translated field and the language's status, by key paths", async () => {
    const { createClient } = await import('@sanity/client');
    const { startSanityStandIn } = await import('./sanity-stand-in.ts');
    const { sanityStore } = await import('../../src/content/translations/store.ts');
    const standIn = await startSanityStandIn({ documents: [pack() as never, other] });
    try {
      // useProjectHostname: false, or the client sends to <projectId>.<apiHost>, not to the stand-in.
      const host = { apiHost: standIn.url, useProjectHostname: false };
      const client = createClient({
        projectId: 'p',
        dataset: 'production',
        apiVersion: '2025-10-01',
        token: 't',
        useCdn: false,
        ...host,
      });
      const store = sanityStore(client, 'stand-in');
      const documents = await store.documents();
      const file = [
        {
          id: 'material-trip|slides[s1].body[p2]',
          source: exportUnits(documents, 'dao').find((unit) => unit.field === 'slides[s1].body[p2]')!.source,
          target: ['Hu ', { id: '1', text: '111' }, ' ', { id: '2', text: 'nov' }],
        },
        { id: 'material-trip|title', source: ['Việc làm giả'], target: ['Gong'] },
      ];
      const plan = planImport(documents, file, 'dao');
      expect(plan.outcomes.map((outcome) => outcome.result)).toEqual(['updated', 'updated']);
      await store.write(plan.changes, 'dao');
      expect(standIn.patches).toHaveLength(1);
      const set = (standIn.patches[0] as { id: string; set: Record<string, unknown> }).set;
      expect(standIn.patches[0]).toMatchObject({ id: 'material-trip' });
      expect(Object.keys(set).sort()).toEqual(['slides[_key=="s1"].body.dao', 'title.dao', 'translations.dao']);
      expect(set['title.dao']).toBe('Gong');
      expect(set['translations.dao']).toEqual({ _type: 'translationStatus', status: 'needsReview' });
      expect((set['slides[_key=="s1"].body.dao'] as { _key: string }[]).map((block) => block._key)).toEqual(['p2']);
    } finally {
      await standIn.close();
    }
  });
});

describe('a spreadsheet as Excel leaves it', () => {
  it("reads a number, a formula's result and rich text runs as the cell's text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('hmong');
    sheet.addRow(['id', 'source', 'target']);
    sheet.addRow([
      'material-trip|title',
      'Việc làm giả',
      { richText: [{ text: 'Hauj lwm ' }, { text: 'cuav', font: { bold: true } }] },
    ]);
    sheet.addRow(['material-trip|summary', 'Dòng một\nDòng hai', { formula: '"Kab"&" ib"', result: 'Kab ib' }]);
    sheet.addRow(['material-trip|slides[s1].heading', 'Trang một', 111]);
    const { lang, units } = await readUnits(new Uint8Array(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(lang).toBe('hmong');
    expect(units.map((unit) => unit.target)).toEqual([['Hauj lwm cuav'], ['Kab ib'], ['111']]);
  });
});
