/**
 * What the generated datasets must hold beyond any valid export (content:check checks that
 * part): the sample's shape the project promises (8 packs over 5 topics, school and job-centre
 * packs, minority-language drafts never marked reviewed, audio, image sizes, ids named after
 * slugs) and the fixture's, which the browser tests rely on (its packs, statuses and words).
 * `build.ts` runs these after writing; `tests/unit/sample-dataset.test.ts` runs them on the
 * committed datasets. Each returns the unmet expectations, empty when all hold.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  getLocale,
  localePaths,
  sourceLocale,
  translatedLocalePaths,
  type LocalePath,
} from '../../../src/i18n/locales.ts';
import { assetFile, sanityAssets } from '../../check/assets.ts';
import { readExport, type ExportDocument } from '../../check/readExport.ts';

/* The generated documents, as far as these checks read them. */
type Texts = Partial<Record<LocalePath, unknown>> | undefined;
interface Status {
  status?: string;
  reviewer?: string;
}
interface Material extends ExportDocument {
  slug: { current: string };
  setting: string[];
  audience: string[];
  topics: { _ref: string }[];
  isSample?: boolean;
  title: Texts;
  coverImage?: { alt?: Texts };
  slides: { heading?: Texts; body?: Texts; teacherNotes?: Texts; image?: { alt?: Texts }; audio?: Texts }[];
  discussionQuestions: unknown[];
  quiz: { options: unknown[] }[];
  keyMessages: unknown[];
  helpContacts: { _ref: string }[];
  translations: Partial<Record<LocalePath, Status>>;
}

/** The sample's minority languages: every translated one but English (for partners, reviewed in the sample). */
const minorityLanguages = translatedLocalePaths.filter((lang) => lang !== 'en');
/** Tai Viet letters, whitespace, digits and common punctuation: the sample's Tai Dam has nothing else. */
const taiVietText = /^[\u{AA80}-\u{AADF}\s0-9.,:;!?"'()\-–…/]*$/u;

const materials = (docs: ExportDocument[]) => docs.filter((d): d is Material => d._type === 'material');
const status = (m: Material, lang: LocalePath) => m.translations[lang]?.status;

/** The plain text of a localized value in one language (a string or Portable Text). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  return value
    .flatMap((block: { children?: { text?: string }[] }) => (block.children ?? []).map((span) => span.text ?? ''))
    .join('\n');
}

/** Every localized text of a value in one language. */
function textsIn(value: unknown, lang: LocalePath): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => textsIn(item, lang));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own =
    typeof record['_type'] === 'string' &&
    record['_type'].startsWith('locale') &&
    record['_type'] !== 'localeAudio' &&
    record[lang] !== undefined
      ? [textOf(record[lang])]
      : [];
  return [
    ...own,
    ...Object.entries(record)
      .filter(([key]) => !localePaths.includes(key as LocalePath))
      .flatMap(([, child]) => textsIn(child, lang)),
  ];
}

/** The width and height of a PNG or JPEG file. */
function imageSize(file: string): [number, number] {
  const b = readFileSync(file);
  if (b.readUInt32BE(0) === 0x89504e47) return [b.readUInt32BE(16), b.readUInt32BE(20)];
  for (let i = 2; i < b.length;) {
    const marker = b.readUInt16BE(i);
    if (marker >= 0xffc0 && marker <= 0xffc3) return [b.readUInt16BE(i + 7), b.readUInt16BE(i + 5)];
    i += 2 + b.readUInt16BE(i + 2);
  }
  return [0, 0];
}

/** Bytes of the asset files one document names. */
function assetBytes(dir: string, doc: ExportDocument): number {
  const files = new Set(
    sanityAssets(doc)
      .map(([, asset]) => assetFile(asset))
      .filter((file) => file !== undefined),
  );
  return [...files].reduce(
    (total, file) => total + (existsSync(join(dir, file)) ? statSync(join(dir, file)).size : 0),
    0,
  );
}

/** Ids named after what they are: `material-<slug>`, `topic-<slug>`, `helpContact-<number>`, `siteSettings`. */
function idProblems(docs: ExportDocument[]): string[] {
  const problems: string[] = [];
  for (const doc of docs) {
    const prefix = ({ material: 'material-', topic: 'topic-', helpContact: 'helpContact-' } as Record<string, string>)[
      doc._type
    ];
    const name =
      doc._type === 'helpContact' ? doc['number'] : (doc['slug'] as { current?: string } | undefined)?.current;
    if (prefix && doc._id !== `${prefix}${String(name)}`)
      problems.push(
        `${doc._id}: the id of a ${doc._type} is ${prefix}<${doc._type === 'helpContact' ? 'number' : 'slug'}>`,
      );
    if (doc._type === 'siteSettings' && doc._id !== 'siteSettings')
      problems.push(`${doc._id}: the site settings' id is "siteSettings"`);
  }
  return problems;
}

export function sampleExpectations(dir: string): string[] {
  const { documents: docs } = readExport(dir);
  const problems = idProblems(docs);
  const expect = (ok: boolean, message: string) => ok || problems.push(message);
  const packs = materials(docs);
  const topics = docs.filter((d) => d._type === 'topic');
  expect(packs.length >= 8, `at least 8 lesson packs, has ${packs.length}`);
  expect(topics.length === 5, `5 topics, has ${topics.length}`);
  for (const n of ['111', '113'])
    expect(
      docs.some((d) => d._id === `helpContact-${n}`),
      `help contact ${n}`,
    );
  const banner = docs.find((d) => d._id === 'siteSettings')?.['banner'] as Texts;
  expect(
    /MẪU|mẫu/.test(textOf(banner?.[sourceLocale])) && /sample/i.test(textOf(banner?.en)),
    'the siteSettings banner says this is sample content',
  );
  const school = packs.filter(
    (m) =>
      m.setting.some((s) => s === 'school' || s === 'vocationalSchool') &&
      m.audience.some((a) => a === 'lowerSecondary' || a === 'upperSecondary'),
  );
  const jobs = packs.filter(
    (m) => m.setting.includes('jobCentre') && m.audience.some((a) => a === 'jobSeekers' || a === 'vocationalTrainees'),
  );
  expect(school.length >= 4, `4 school packs, has ${school.length}`);
  expect(jobs.length >= 4, `4 job-centre packs, has ${jobs.length}`);
  const covered = new Set(packs.flatMap((m) => m.topics.map((t) => t._ref)));
  for (const t of topics) expect(covered.has(t._id), `a pack covers ${t._id}`);
  for (const m of packs) {
    const at = m._id;
    expect(m.isSample === true, `${at}: isSample is true`);
    expect(m.slides.length >= 5 && m.slides.length <= 10, `${at}: 5 to 10 slides, has ${m.slides.length}`);
    expect(
      m.discussionQuestions.length >= 3 && m.discussionQuestions.length <= 5,
      `${at}: 3 to 5 discussion questions`,
    );
    expect(
      m.quiz.length >= 3 && m.quiz.length <= 4 && m.quiz.every((q) => q.options.length >= 3 && q.options.length <= 4),
      `${at}: 3 to 4 quiz questions of 3 to 4 options`,
    );
    expect(m.keyMessages.length >= 3 && m.keyMessages.length <= 4, `${at}: 3 to 4 key messages`);
    expect(
      m.helpContacts.some((r) => r._ref === 'helpContact-111'),
      `${at}: refers to 111`,
    );
    expect(Boolean(m.coverImage?.alt?.[sourceLocale]), `${at}: a cover image with alt text`);
    expect(m.slides.filter((s) => s.image?.alt?.[sourceLocale]).length >= 2, `${at}: images on at least 2 slides`);
    m.slides.forEach((s, i) =>
      expect(
        Boolean(s.teacherNotes?.[sourceLocale] && s.body?.[sourceLocale]),
        `${at}: slides[${i}] has a body and teacher notes`,
      ),
    );
    expect(status(m, 'en') === 'reviewed', `${at}: English is reviewed`);
    expect(
      !minorityLanguages.some((l) => status(m, l) === 'reviewed'),
      `${at}: sample minority-language text is never marked reviewed`,
    );
    const bytes = assetBytes(dir, m);
    expect(bytes <= 1.5 * 1024 * 1024, `${at}: assets ${bytes} bytes, over 1.5 MB`);
  }
  const fullMinority = packs.filter((m) => minorityLanguages.every((l) => status(m, l) === 'needsReview')).length;
  expect(fullMinority >= 3, `3 packs waiting for review in every minority language, has ${fullMinority}`);
  expect(
    packs.some((m) => m.slides.every((s) => s.audio?.[sourceLocale] && s.audio.en)),
    `a pack with ${sourceLocale} and en audio on every slide`,
  );
  for (const lang of localePaths.filter((l) => getLocale(l).script === 'Tavt')) {
    for (const text of docs.flatMap((d) => textsIn(d, lang)))
      expect(
        taiVietText.test(text),
        `${getLocale(lang).name} text only in Tai Viet letters, digits and punctuation: "${text.slice(0, 40)}"`,
      );
  }
  const images = join(dir, 'images');
  for (const file of existsSync(images)
    ? readdirSync(images)
        .filter((name) => /\.(png|jpe?g)$/.test(name))
        .sort()
    : []) {
    const [w, h] = imageSize(join(images, file));
    const bytes = statSync(join(images, file)).size;
    expect(w <= 1200 && h <= 800, `images/${file}: ${w}x${h} is larger than 1200x800`);
    expect(bytes <= 60 * 1024, `images/${file}: ${bytes} bytes, over 60 KB`);
  }
  return problems;
}

export function fixtureExpectations(dir: string): string[] {
  const { documents: docs } = readExport(dir);
  const problems = idProblems(docs);
  const expect = (ok: boolean, message: string) => ok || problems.push(message);
  const packs = materials(docs);
  const want = ['material-fixture-draft-pack', 'material-fixture-jobcentre-pack', 'material-fixture-school-pack'];
  expect(JSON.stringify(packs.map((m) => m._id).sort()) === JSON.stringify(want), `the packs are ${want.join(', ')}`);
  expect(docs.filter((d) => d._type === 'topic').length === 2, '2 topics');
  for (const n of ['111', '113'])
    expect(
      docs.some((d) => d._id === `helpContact-${n}`),
      `help contact ${n}`,
    );
  expect(
    docs.some((d) => d._id === 'siteSettings'),
    'site settings',
  );
  const a = packs.find((d) => d._id === 'material-fixture-school-pack');
  if (a) {
    for (const lang of translatedLocalePaths)
      expect(
        status(a, lang) === 'reviewed' && a.translations[lang]?.reviewer === 'Test fixture',
        `pack A: ${lang} reviewed by "Test fixture"`,
      );
    expect(a.slides.length === 5, 'pack A has 5 slides');
    expect(Boolean(a.slides[0]?.audio?.[sourceLocale]), `pack A: audio on slide 1 (${sourceLocale})`);
    expect(a.quiz.length === 2, 'pack A: a quiz of 2 questions');
    const slide = a.slides.find((s) => textOf(s.body?.[sourceLocale]).includes('bẫyviệclàm'));
    expect(slide !== undefined, 'pack A: a Vietnamese slide holds "bẫyviệclàm"');
    if (slide)
      expect(textOf(slide.body?.hmong).includes('ntxiajhauj'), 'pack A: that slide\'s Hmong holds "ntxiajhauj"');
  }
  const b = packs.find((d) => d._id === 'material-fixture-jobcentre-pack');
  if (b) {
    expect(
      status(b, 'en') === 'reviewed' &&
        status(b, 'hmong') === 'needsReview' &&
        status(b, 'dao') === 'missing' &&
        status(b, 'thai') === 'missing',
      'pack B: en reviewed, hmong needsReview, dao and thai missing',
    );
    expect(Boolean(b.title?.hmong), 'pack B: Hmong text present');
  }
  const c = packs.find((d) => d._id === 'material-fixture-draft-pack');
  if (c) {
    expect(status(c, 'en') === 'draft' && Boolean(c.title?.en), 'pack C: English draft with partial text');
    expect(!c.slides.every((s) => s.heading?.en), 'pack C: English is partial');
  }
  return problems;
}
