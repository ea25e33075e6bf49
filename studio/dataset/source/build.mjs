/**
 * Writes the embedded sample dataset (studio/dataset/) and the browser-test fixture
 * (tests/fixtures/dataset/) in Sanity's export format, from the readable sources here:
 *
 *   common.json          topics, help contacts, site settings
 *   packs/<slug>.json    one lesson pack each
 *   fixture/fixture.json the small test fixture
 *   scenes.mjs           the pictures (SVG, rendered to PNG with sharp)
 *
 * Audio: espeak-ng speaks the slide text sentence by sentence (voice vi / en), ffmpeg encodes it as
 * MP3 (mono, 16 kHz, 24 kbit/s), with each sentence's timing (narration.ts). Both must be
 * installed: apt-get install espeak-ng ffmpeg.
 *
 * Run from the repository root:  node studio/dataset/source/build.mjs
 * (node 24, e.g. `npx node`, which imports src/content/sourceHash.ts; `--no-audio` keeps the existing
 * audio files and skips speech synthesis).
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { sourceHash } from '../../../src/content/sourceHash.ts';
import { render } from './scenes.mjs';
import { narrationSentences, writeNarration } from './narration.ts';

const here = dirname(fileURLToPath(import.meta.url));
const datasetDir = resolve(here, '..');
const fixtureDir = resolve(here, '../../../tests/fixtures/dataset');
const withAudio = !process.argv.includes('--no-audio');

/** Language keys of the locale table (src/i18n/locales.ts), in its order. */
export const LANGS = ['vi', 'hmong', 'dao', 'thai', 'en'];
const TRANSLATED = ['hmong', 'dao', 'thai', 'en'];

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

// --- localized values ------------------------------------------------------------------------

/** A localized object with only the languages that have a value, in locale-table order. */
function loc(type, value, where) {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') throw new Error(`${where}: expected an object of languages, got a string`);
  const out = { _type: type };
  for (const key of Object.keys(value)) {
    if (!LANGS.includes(key)) throw new Error(`${where}: unknown language key "${key}"`);
  }
  for (const lang of LANGS) {
    const text = value[lang];
    if (text === undefined || text === null || text === '' || (Array.isArray(text) && text.length === 0)) continue;
    out[lang] = type === 'localeBlockContent' ? blocks(text, `${where}.${lang}`) : text;
  }
  return out;
}

/**
 * Portable Text from a list of paragraphs; a paragraph starting with "- " is a bullet item.
 * A plain string is split on blank lines.
 */
function blocks(paragraphs, where) {
  const list = typeof paragraphs === 'string' ? paragraphs.split(/\n\s*\n/) : paragraphs;
  if (!Array.isArray(list)) throw new Error(`${where}: body must be a list of paragraphs`);
  return list.map((paragraph, index) => {
    const key = `b${index + 1}`;
    const bullet = paragraph.startsWith('- ');
    const text = bullet ? paragraph.slice(2) : paragraph;
    const block = { _type: 'block', _key: key, style: 'normal', markDefs: [], children: [{ _type: 'span', _key: `${key}s1`, text, marks: [] }] };
    if (bullet) Object.assign(block, { listItem: 'bullet', level: 1 });
    return block;
  });
}

/** Translation statuses; a bare status word expands with the sample reviewer for 'reviewed'. */
function translations(value = {}, defaults) {
  const out = {};
  for (const lang of TRANSLATED) {
    let entry = value[lang] ?? 'missing';
    if (typeof entry === 'string') entry = { status: entry };
    if (entry.status === 'reviewed') entry = { reviewer: defaults.reviewer, reviewedAt: defaults.reviewedAt, ...entry };
    out[lang] = { _type: 'translationStatus', status: entry.status, ...(entry.reviewer ? { reviewer: entry.reviewer } : {}), ...(entry.reviewedAt ? { reviewedAt: entry.reviewedAt } : {}), ...(entry.sourceHash ? { sourceHash: entry.sourceHash } : {}) };
  }
  return out;
}

/**
 * A reviewed language records the Vietnamese it was reviewed against, as the Studio does when a
 * reviewer marks it. A source may give its own `sourceHash` (the fixture's "reviewed against an
 * earlier Vietnamese text"); otherwise the review is of the current text.
 */
function stampReviews(doc) {
  const hash = sourceHash(doc);
  for (const entry of Object.values(doc.translations ?? {})) {
    if (entry.status === 'reviewed' && !entry.sourceHash) entry.sourceHash = hash;
  }
  return doc;
}

const ref = (id, key) => ({ _type: 'reference', _ref: id, _key: key });

// --- assets ----------------------------------------------------------------------------------

class Assets {
  /** copyFrom: take the rendered images from another dataset folder instead of rendering. */
  constructor(dir, { copyFrom } = {}) {
    this.dir = dir;
    this.copyFrom = copyFrom;
    this.images = new Map(); // file -> scene
    this.audio = new Map(); // file -> { lang, text }
  }

  /** kind 'cover' renders at 1200x800, 'slide' at 900x600. */
  image(spec, where, kind) {
    if (!spec) return undefined;
    if (!spec.scene) throw new Error(`${where}: an image needs a scene`);
    const small = kind === 'slide';
    const file = `${spec.scene}.png`;
    this.images.set(file, { scene: spec.scene, small });
    const alt = loc('localeString', spec.alt, `${where}.alt`);
    if (!alt?.vi) throw new Error(`${where}: alt text in Vietnamese is required`);
    return { _type: 'image', _sanityAsset: `image@file://./images/${file}`, alt };
  }

  audioFile(file, lang, sentences) {
    const object = { _type: 'file', _sanityAsset: `file@file://./files/${file}` };
    this.audio.set(file, { lang, sentences, object });
    return object;
  }

  async write() {
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

function topicDoc(t, defaults) {
  return {
    _id: `topic-${t.slug}`,
    _type: 'topic',
    title: loc('localeString', t.title, `topic ${t.slug}.title`),
    slug: { _type: 'slug', current: t.slug },
    description: loc('localeText', t.description, `topic ${t.slug}.description`),
    translations: translations(t.translations, defaults),
  };
}

function helpContactDoc(h, defaults) {
  if (h.number.replace(/\s/g, '') === '18001567') throw new Error('1800 1567 is an old number: do not publish it');
  return {
    _id: `helpContact-${h.number.replace(/\s/g, '')}`,
    _type: 'helpContact',
    name: loc('localeString', h.name, `helpContact ${h.number}.name`),
    number: h.number,
    hours: loc('localeString', h.hours, `helpContact ${h.number}.hours`),
    serves: loc('localeText', h.serves, `helpContact ${h.number}.serves`),
    order: h.order,
    translations: translations(h.translations, defaults),
  };
}

function siteSettingsDoc(s, defaults) {
  return {
    _id: 'siteSettings',
    _type: 'siteSettings',
    title: loc('localeString', s.title, 'siteSettings.title'),
    banner: loc('localeText', s.banner, 'siteSettings.banner'),
    translations: translations(s.translations, defaults),
  };
}

function materialDoc(p, assets, defaults, idPrefix = 'material-') {
  const id = `${idPrefix}${p.slug}`;
  const where = (path) => `${id}.${path}`;
  const slides = p.slides.map((s, i) => {
    const n = i + 1;
    const slide = {
      _type: 'slide',
      _key: `slide${n}`,
      heading: loc('localeString', s.heading, where(`slides[${i}].heading`)),
      body: loc('localeBlockContent', s.body, where(`slides[${i}].body`)),
    };
    const image = assets.image(s.image, where(`slides[${i}].image`), 'slide');
    if (image) slide.image = image;
    const audioLangs = s.audio ?? (p.audio ? p.audioLanguages ?? ['vi', 'en'] : []);
    if (audioLangs.length > 0) {
      slide.audio = { _type: 'localeAudio' };
      for (const lang of LANGS.filter((l) => audioLangs.includes(l))) {
        slide.audio[lang] = assets.audioFile(`${p.slug}-${n}-${lang}.mp3`, lang, narrationSentences(slide, lang));
      }
    }
    slide.teacherNotes = loc('localeText', s.notes, where(`slides[${i}].notes`));
    return slide;
  });
  return {
    _id: id,
    _type: 'material',
    title: loc('localeString', p.title, where('title')),
    slug: { _type: 'slug', current: p.slug },
    isSample: p.isSample ?? true,
    summary: loc('localeText', p.summary, where('summary')),
    audience: p.audience,
    setting: p.setting,
    topics: p.topics.map((t) => ref(`topic-${t}`, `topic-${t}`)),
    durationMinutes: p.durationMinutes,
    ageRange: p.ageRange,
    coverImage: assets.image(p.cover, where('cover'), 'cover'),
    slides,
    discussionQuestions: p.discussion.map((q, i) => ({ _key: `dq${i + 1}`, ...loc('localeText', q, where(`discussion[${i}]`)) })),
    quiz: p.quiz.map((q, i) => ({
      _type: 'quizQuestion',
      _key: `quiz${i + 1}`,
      question: loc('localeString', q.question, where(`quiz[${i}].question`)),
      options: q.options.map((o, j) => ({ _key: `opt${j + 1}`, ...loc('localeString', o, where(`quiz[${i}].options[${j}]`)) })),
      correctOption: q.correct,
      explanation: loc('localeText', q.explanation, where(`quiz[${i}].explanation`)),
    })),
    keyMessages: p.keyMessages.map((m, i) => ({ _key: `km${i + 1}`, ...loc('localeString', m, where(`keyMessages[${i}]`)) })),
    helpContacts: p.helpContacts.map((n) => ref(`helpContact-${n}`, `help-${n}`)),
    translations: translations(p.translations, defaults),
  };
}

/** Drops undefined fields, so that the NDJSON holds only what is there. */
const clean = (doc) => JSON.parse(JSON.stringify(doc));

async function writeDataset(dir, docs, assets) {
  // Start from empty asset folders so that nothing stale is left behind.
  rmSync(join(dir, 'images'), { recursive: true, force: true });
  if (withAudio) rmSync(join(dir, 'files'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await assets.write();
  writeFileSync(join(dir, 'data.ndjson'), docs.map((d) => JSON.stringify(stampReviews(clean(d)))).join('\n') + '\n');
  console.log(`${dir}: ${docs.length} documents, ${assets.images.size} images, ${withAudio ? assets.audio.size : 0} audio files`);
}

// --- main ------------------------------------------------------------------------------------

async function buildSample() {
  const common = readJson(join(here, 'common.json'));
  const defaults = common.reviewDefaults;
  const assets = new Assets(datasetDir);
  const packFiles = readdirSync(join(here, 'packs')).filter((f) => f.endsWith('.json')).sort();
  const docs = [
    siteSettingsDoc(common.siteSettings, defaults),
    ...common.topics.map((t) => topicDoc(t, defaults)),
    ...common.helpContacts.map((h) => helpContactDoc(h, defaults)),
    ...packFiles.map((f) => {
      const pack = readJson(join(here, 'packs', f));
      if (`${pack.slug}.json` !== f) throw new Error(`packs/${f}: the file name must be the slug (${pack.slug}.json)`);
      return materialDoc(pack, assets, defaults);
    }),
  ];
  await writeDataset(datasetDir, docs, assets);
}

async function buildFixture() {
  const fixture = readJson(join(here, 'fixture', 'fixture.json'));
  const defaults = fixture.reviewDefaults;
  const assets = new Assets(fixtureDir, { copyFrom: datasetDir });
  const docs = [
    siteSettingsDoc(fixture.siteSettings, defaults),
    ...fixture.topics.map((t) => topicDoc(t, defaults)),
    ...fixture.helpContacts.map((h) => helpContactDoc(h, defaults)),
    ...fixture.packs.map((p) => materialDoc(p, assets, defaults)),
  ];
  await writeDataset(fixtureDir, docs, assets);
}

await buildSample();
if (!process.argv.includes('--sample-only')) await buildFixture();
