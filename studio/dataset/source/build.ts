/**
 * Writes the embedded sample dataset (studio/dataset/) and the browser-test fixture
 * (tests/fixtures/dataset/) in Sanity's export format, from the readable sources here:
 *
 *   common.json          topics, help contacts, site settings
 *   packs/<slug>.json    one lesson pack each
 *   fixture/fixture.json the small test fixture
 *   scenes.ts            the pictures (SVG, rendered to PNG with sharp)
 *
 * The sources are read through the zod schemas of `sources.ts`; the languages are the locale
 * table's. Audio: espeak-ng speaks the slide text sentence by sentence (voice vi / en), ffmpeg
 * encodes it as MP3 (mono, 16 kHz, 24 kbit/s), with each sentence's timing (narration.ts). Both
 * must be installed: apt-get install espeak-ng ffmpeg.
 *
 * Run from the repository root (Node 24: `npx node`):
 *   npx node --experimental-strip-types studio/dataset/source/build.ts [--no-audio] [--out <folder>]
 * `--no-audio` keeps the existing audio files and skips speech synthesis; `--out` writes both
 * datasets under another folder (`<folder>/sample`, `<folder>/fixture`) instead of in place.
 * Then `npm run content:check` on each, and the sample's own expectations (`expectations.ts`) run.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { sourceHash } from '../../../src/content/sourceHash.ts';
import { localePaths, sourceLocale, translatedLocalePaths, type LocalePath } from '../../../src/i18n/locales.ts';
import { checkDataset } from '../../check/checkDataset.ts';
import { formatProblem } from '../../check/problems.ts';
import { fixtureExpectations, sampleExpectations } from './expectations.ts';
import { render } from './scenes.ts';
import { narrationSentences, voices, writeNarration, type NarrationClip } from './narration.ts';
import {
  commonSource,
  fixtureSource,
  packSource,
  readSource,
  type GlossaryTermSource,
  type HelpContactSource,
  type ImageSource,
  type PackSource,
  type Paragraphs,
  type ReviewDefaults,
  type SiteSettingsSource,
  type Texts,
  type TopicSource,
  type TranslationsSource,
} from './sources.ts';

const here = import.meta.dirname;
const { values: options } = parseArgs({
  options: { 'no-audio': { type: 'boolean' }, 'sample-only': { type: 'boolean' }, out: { type: 'string' } },
});
const sampleHome = resolve(here, '..');
const fixtureHome = resolve(here, '../../../tests/fixtures/dataset');
const datasetDir = options.out ? resolve(options.out, 'sample') : sampleHome;
const fixtureDir = options.out ? resolve(options.out, 'fixture') : fixtureHome;
const withAudio = !options['no-audio'];

type LocalizedType = 'localeString' | 'localeText' | 'localeBlockContent';
type Json = Record<string, unknown>;

// --- localized values ------------------------------------------------------------------------

/** A localized object with only the languages that have a value, in locale-table order. */
function loc(type: LocalizedType, value: Texts | Paragraphs | undefined): Json | undefined {
  if (value === undefined) return undefined;
  const out: Json = { _type: type };
  for (const lang of localePaths) {
    const text = value[lang];
    if (text === undefined || text === '' || (Array.isArray(text) && text.length === 0)) continue;
    out[lang] = type === 'localeBlockContent' ? blocks(text) : text;
  }
  return out;
}

const paragraphList = (paragraphs: string | string[]): string[] =>
  typeof paragraphs === 'string' ? paragraphs.split(/\n\s*\n/) : paragraphs;

/** Portable Text from a list of paragraphs; a paragraph starting with "- " is a bullet item. */
function blocks(paragraphs: string | string[]): Json[] {
  return paragraphList(paragraphs).map((paragraph, index) => {
    const key = `b${index + 1}`;
    const bullet = paragraph.startsWith('- ');
    const text = bullet ? paragraph.slice(2) : paragraph;
    const block: Json = {
      _type: 'block',
      _key: key,
      style: 'normal',
      markDefs: [],
      children: [{ _type: 'span', _key: `${key}s1`, text, marks: [] }],
    };
    if (bullet) Object.assign(block, { listItem: 'bullet', level: 1 });
    return block;
  });
}

/** Translation statuses of every translated language; a bare status word expands with the sample reviewer for 'reviewed'. */
function translations(value: TranslationsSource = {}, defaults: ReviewDefaults): Json {
  const out: Json = {};
  for (const lang of translatedLocalePaths) {
    const given = value[lang] ?? 'missing';
    let entry = typeof given === 'string' ? { status: given } : given;
    if (entry.status === 'reviewed') entry = { reviewer: defaults.reviewer, reviewedAt: defaults.reviewedAt, ...entry };
    out[lang] = {
      _type: 'translationStatus',
      status: entry.status,
      ...(entry.reviewer ? { reviewer: entry.reviewer } : {}),
      ...(entry.reviewedAt ? { reviewedAt: entry.reviewedAt } : {}),
      ...(entry.sourceHash ? { sourceHash: entry.sourceHash } : {}),
    };
  }
  return out;
}

/**
 * A reviewed language records the source text it was reviewed against, as the Studio does when a
 * reviewer marks it. A source may give its own `sourceHash` (the fixture's "reviewed against an
 * earlier Vietnamese text"); otherwise the review is of the current text.
 */
function stampReviews(doc: Json): Json {
  const hash = sourceHash(doc);
  for (const entry of Object.values(
    (doc['translations'] ?? {}) as Record<string, { status: string; sourceHash?: string }>,
  )) {
    if (entry.status === 'reviewed' && !entry.sourceHash) entry.sourceHash = hash;
  }
  return doc;
}

const ref = (id: string, key: string) => ({ _type: 'reference', _ref: id, _key: key });

// --- assets ----------------------------------------------------------------------------------

class Assets {
  readonly images = new Map<string, { scene: string; small: boolean }>();
  readonly audio = new Map<string, NarrationClip>();

  readonly dir: string;
  /** Take the rendered images from another dataset folder instead of rendering. */
  readonly copyFrom: string | undefined;

  constructor(dir: string, copyFrom?: string) {
    this.dir = dir;
    this.copyFrom = copyFrom;
  }

  /** kind 'cover' renders at 1200x800, 'slide' at 900x600. */
  image(spec: ImageSource | undefined, where: string, kind: 'cover' | 'slide'): Json | undefined {
    if (!spec) return undefined;
    const file = `${spec.scene}.png`;
    this.images.set(file, { scene: spec.scene, small: kind === 'slide' });
    const alt = loc('localeString', spec.alt);
    if (!alt?.[sourceLocale])
      throw new Error(`${where}: alt text in the source language (${sourceLocale}) is required`);
    return { _type: 'image', _sanityAsset: `image@file://./images/${file}`, alt };
  }

  audioFile(file: string, lang: LocalePath, sentences: string[]): Json {
    if (!voices[lang]) throw new Error(`${file}: no espeak-ng voice for "${lang}" (add one to voices in narration.ts)`);
    const object: NarrationClip['object'] & Json = { _type: 'file', _sanityAsset: `file@file://./files/${file}` };
    this.audio.set(file, { lang, sentences, object });
    return object;
  }

  async write(): Promise<void> {
    mkdirSync(join(this.dir, 'images'), { recursive: true });
    for (const [file, { scene, small }] of this.images) {
      if (this.copyFrom) {
        copyFileSync(join(this.copyFrom, 'images', file), join(this.dir, 'images', file));
        continue;
      }
      const [w, h] = small ? [900, 600] : [1200, 800];
      await sharp(Buffer.from(render(scene)))
        .resize(w, h)
        .png({ palette: true, colors: 64, effort: 10, compressionLevel: 9 })
        .toFile(join(this.dir, 'images', file));
    }
    writeNarration(this.dir, this.audio, withAudio);
  }
}

// --- documents -------------------------------------------------------------------------------

function topicDoc(t: TopicSource, defaults: ReviewDefaults): Json {
  return {
    _id: `topic-${t.slug}`,
    _type: 'topic',
    title: loc('localeString', t.title),
    slug: { _type: 'slug', current: t.slug },
    description: loc('localeText', t.description),
    translations: translations(t.translations, defaults),
  };
}

function helpContactDoc(h: HelpContactSource, defaults: ReviewDefaults): Json {
  if (h.number.replace(/\s/g, '') === '18001567') throw new Error('1800 1567 is an old number: do not publish it');
  return {
    _id: `helpContact-${h.number.replace(/\s/g, '')}`,
    _type: 'helpContact',
    name: loc('localeString', h.name),
    number: h.number,
    hours: loc('localeString', h.hours),
    serves: loc('localeText', h.serves),
    order: h.order,
    translations: translations(h.translations, defaults),
  };
}

function siteSettingsDoc(s: SiteSettingsSource, defaults: ReviewDefaults): Json {
  return {
    _id: 'siteSettings',
    _type: 'siteSettings',
    title: loc('localeString', s.title),
    banner: loc('localeText', s.banner),
    translations: translations(s.translations, defaults),
  };
}

/** A glossary term: how the programme says one word in each language, and a note for translators. */
function glossaryTermDoc(g: GlossaryTermSource): Json {
  return {
    _id: `glossaryTerm-${g.id}`,
    _type: 'glossaryTerm',
    term: loc('localeString', g.term),
    note: g.note,
  };
}

/** The languages a pack speaks when it has audio and names none. */
const defaultAudioLanguages: LocalePath[] = [sourceLocale, 'en'];

function materialDoc(p: PackSource, assets: Assets, defaults: ReviewDefaults): Json {
  const id = `material-${p.slug}`;
  const where = (path: string) => `${id}.${path}`;
  const slides = p.slides.map((s, i) => {
    const n = i + 1;
    const slide: Json = {
      _type: 'slide',
      _key: `slide${n}`,
      heading: loc('localeString', s.heading),
      body: loc('localeBlockContent', s.body),
    };
    const image = assets.image(s.image, where(`slides[${i}].image`), 'slide');
    if (image) slide['image'] = image;
    const audioLangs = s.audio ?? (p.audio ? (p.audioLanguages ?? defaultAudioLanguages) : []);
    if (audioLangs.length > 0) {
      const audio: Json = { _type: 'localeAudio' };
      for (const lang of localePaths.filter((l) => audioLangs.includes(l))) {
        audio[lang] = assets.audioFile(`${p.slug}-${n}-${lang}.mp3`, lang, narrationSentences(slide, lang));
      }
      slide['audio'] = audio;
    }
    slide['teacherNotes'] = loc('localeText', s.notes);
    return slide;
  });
  return {
    _id: id,
    _type: 'material',
    title: loc('localeString', p.title),
    slug: { _type: 'slug', current: p.slug },
    isSample: p.isSample ?? true,
    summary: loc('localeText', p.summary),
    audience: p.audience,
    setting: p.setting,
    topics: p.topics.map((t) => ref(`topic-${t}`, `topic-${t}`)),
    durationMinutes: p.durationMinutes,
    ageRange: p.ageRange,
    coverImage: assets.image(p.cover, where('cover'), 'cover'),
    slides,
    discussionQuestions: p.discussion.map((q, i) => ({ _key: `dq${i + 1}`, ...loc('localeText', q) })),
    quiz: p.quiz.map((q, i) => ({
      _type: 'quizQuestion',
      _key: `quiz${i + 1}`,
      question: loc('localeString', q.question),
      options: q.options.map((o, j) => ({ _key: `opt${j + 1}`, ...loc('localeString', o) })),
      correctOption: q.correct,
      explanation: loc('localeText', q.explanation),
    })),
    keyMessages: p.keyMessages.map((m, i) => ({ _key: `km${i + 1}`, ...loc('localeString', m) })),
    helpContacts: p.helpContacts.map((n) => ref(`helpContact-${n}`, `help-${n}`)),
    translations: translations(p.translations, defaults),
  };
}

/** Drops undefined fields, so that the NDJSON holds only what is there. */
const clean = (doc: Json): Json => JSON.parse(JSON.stringify(doc)) as Json;

/** Writes one dataset into `dir`; `home` is where it lives, whose audio `--no-audio` keeps. */
async function writeDataset(dir: string, home: string, docs: Json[], assets: Assets): Promise<void> {
  // Start from empty asset folders so that nothing stale is left behind.
  rmSync(join(dir, 'images'), { recursive: true, force: true });
  if (withAudio) rmSync(join(dir, 'files'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await assets.write();
  if (!withAudio && dir !== home && existsSync(join(home, 'files')))
    cpSync(join(home, 'files'), join(dir, 'files'), { recursive: true });
  writeFileSync(join(dir, 'data.ndjson'), docs.map((d) => JSON.stringify(stampReviews(clean(d)))).join('\n') + '\n');
  console.log(
    `${dir}: ${docs.length} documents, ${assets.images.size} images, ${withAudio ? assets.audio.size : 0} audio files`,
  );
}

/** content:check (the Studio's rules and the file's shape), then the dataset's own expectations. */
async function check(dir: string, expectations: (dir: string) => string[]): Promise<number> {
  const { problems } = await checkDataset(dir);
  const errors = problems.filter((problem) => problem.level === 'error').map(formatProblem);
  const unmet = expectations(dir).map((message) => `expected  ${message}`);
  for (const line of [...errors, ...unmet]) console.error(line);
  return errors.length + unmet.length;
}

// --- main ------------------------------------------------------------------------------------

async function buildSample(): Promise<void> {
  const common = readSource(join(here, 'common.json'), commonSource);
  const defaults = common.reviewDefaults;
  const assets = new Assets(datasetDir);
  const packFiles = readdirSync(join(here, 'packs'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  const docs = [
    siteSettingsDoc(common.siteSettings, defaults),
    ...common.topics.map((t) => topicDoc(t, defaults)),
    ...common.helpContacts.map((h) => helpContactDoc(h, defaults)),
    ...(common.glossary ?? []).map(glossaryTermDoc),
    ...packFiles.map((f) => {
      const pack = readSource(join(here, 'packs', f), packSource);
      if (`${pack.slug}.json` !== f) throw new Error(`packs/${f}: the file name must be the slug (${pack.slug}.json)`);
      return materialDoc(pack, assets, defaults);
    }),
  ];
  await writeDataset(datasetDir, sampleHome, docs, assets);
}

async function buildFixture(): Promise<void> {
  const fixture = readSource(join(here, 'fixture', 'fixture.json'), fixtureSource);
  const defaults = fixture.reviewDefaults;
  const assets = new Assets(fixtureDir, datasetDir);
  const docs = [
    siteSettingsDoc(fixture.siteSettings, defaults),
    ...fixture.topics.map((t) => topicDoc(t, defaults)),
    ...fixture.helpContacts.map((h) => helpContactDoc(h, defaults)),
    ...fixture.packs.map((p) => materialDoc(p, assets, defaults)),
  ];
  await writeDataset(fixtureDir, fixtureHome, docs, assets);
}

await buildSample();
let problems = await check(datasetDir, sampleExpectations);
if (!options['sample-only']) {
  await buildFixture();
  problems += await check(fixtureDir, fixtureExpectations);
}
if (problems > 0) {
  console.error(`${problems} problem(s): fix the sources and run the generator again.`);
  process.exitCode = 1;
}
