/**
 * Checks the embedded sample dataset and the browser-test fixture:
 *
 *   - every line of data.ndjson parses as JSON and every document has a unique _id;
 *   - every _ref points to an existing _id; every _sanityAsset file exists;
 *   - every object in an array has a _key, unique within the array;
 *   - every localized object has only the keys _type, vi, hmong, dao, thai, en (and _key when it
 *     is an array member);
 *   - Tai Dam (`thai`) text holds only Tai Viet letters (U+AA80–U+AADF), spaces, digits and
 *     punctuation, never Thai-of-Thailand or Latin letters;
 *   - a language whose status is needsReview or reviewed has every text of the document;
 *   - the old hotline number is never published; quiz answers point at an option;
 *   - for the sample dataset, the shape the brief asks for (packs, slides, quiz, languages,
 *     audio, image sizes), and for the fixture, the words the search tests look for.
 *
 * Run from the repository root:  node studio/dataset/source/check.mjs
 * Exits 1 with a list of problems, 0 with a summary.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE = resolve(here, '..');
const FIXTURE = resolve(here, '../../../tests/fixtures/dataset');

const LANGS = ['vi', 'hmong', 'dao', 'thai', 'en'];
const TRANSLATED = ['hmong', 'dao', 'thai', 'en'];
const LOCALIZED = new Set(['localeString', 'localeText', 'localeBlockContent', 'localeAudio']);
const STATUSES = new Set(['missing', 'draft', 'needsReview', 'reviewed']);
/** Tai Viet block, whitespace, digits and common punctuation. */
const TAI_VIET_TEXT = /^[\u{AA80}-\u{AADF}\s0-9.,:;!?"'()\-–…/]*$/u;
const TAI_VIET_LETTER = /[\u{AA80}-\u{AADF}]/u;
const OLD_HOTLINE = /1800[\s.]?1567/;

const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);

function readDataset(dir) {
  const file = join(dir, 'data.ndjson');
  if (!existsSync(file)) {
    problem(file, 'missing');
    return [];
  }
  const docs = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        docs.push(JSON.parse(line));
      } catch (error) {
        problem(`${file}:${index + 1}`, `not JSON (${error.message})`);
      }
    });
  return docs;
}

/** Visits every value with its path. */
function walk(value, path, visit) {
  visit(value, path);
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, visit);
}

/** The plain text of a localized value (a string or Portable Text). */
function textOf(value) {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.flatMap((block) => (block.children ?? []).map((span) => span.text ?? '')).join('\n');
  return '';
}

function hasValue(value) {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0 && textOf(value).trim() !== '';
  return value !== undefined && value !== null;
}

function checkDataset(dir, label) {
  const docs = readDataset(dir);
  const ids = new Set();
  for (const doc of docs) {
    if (!doc._id || !doc._type) problem(`${label} ${doc._id ?? '(no _id)'}`, 'needs _id and _type');
    if (ids.has(doc._id)) problem(`${label} ${doc._id}`, 'duplicate _id');
    ids.add(doc._id);
  }
  const assetBytes = new Map(); // asset path -> bytes

  for (const doc of docs) {
    const where = `${label} ${doc._id}`;
    // ids follow the naming rule
    const expected = { material: 'material-', topic: 'topic-', helpContact: 'helpContact-' }[doc._type];
    if (expected) {
      if (!doc._id.startsWith(expected)) problem(where, `an id of type ${doc._type} starts with "${expected}"`);
      const suffix = doc._id.slice(expected.length);
      if (doc._type === 'helpContact' && suffix !== doc.number) problem(where, 'helpContact id must be helpContact.<number>');
      if (doc._type !== 'helpContact' && suffix !== doc.slug?.current) problem(where, 'id must be <type>.<slug>');
    } else if (doc._type === 'siteSettings' && doc._id !== 'siteSettings') problem(where, 'siteSettings id must be "siteSettings"');

    walk(doc, '', (value, path) => {
      const at = `${where}${path}`;
      if (Array.isArray(value)) {
        const keys = new Set();
        for (const item of value) {
          if (!item || typeof item !== 'object') continue;
          if (typeof item._key !== 'string' || item._key === '') problem(at, 'an array member has no _key');
          else if (keys.has(item._key)) problem(at, `duplicate _key "${item._key}"`);
          else keys.add(item._key);
        }
        return;
      }
      if (!value || typeof value !== 'object') {
        if (typeof value === 'string' && OLD_HOTLINE.test(value)) problem(at, 'the old number 1800 1567 must not be published');
        return;
      }
      if (value._type === 'reference') {
        if (!ids.has(value._ref)) problem(at, `reference to missing document "${value._ref}"`);
      }
      if (typeof value._sanityAsset === 'string') {
        const match = /^(image|file)@file:\/\/\.\/(.+)$/.exec(value._sanityAsset);
        if (!match) problem(at, `bad _sanityAsset "${value._sanityAsset}"`);
        else {
          const file = join(dir, match[2]);
          if (!existsSync(file)) problem(at, `asset file missing: ${match[2]}`);
          else assetBytes.set(match[2], statSync(file).size);
          if (match[1] === 'image' && value._type !== 'image') problem(at, 'an image asset needs _type "image"');
          if (match[1] === 'file' && value._type !== 'file') problem(at, 'a file asset needs _type "file"');
        }
      }
      if (LOCALIZED.has(value._type)) {
        // An array member (a discussion question, a quiz option, a key message) also has its _key.
        const inArray = path.endsWith(']');
        for (const key of Object.keys(value)) {
          if (key !== '_type' && !LANGS.includes(key) && !(inArray && key === '_key')) problem(at, `localized object has a stray key "${key}"`);
        }
        if (value._type !== 'localeAudio' && value.thai !== undefined) {
          const text = textOf(value.thai);
          if (!TAI_VIET_TEXT.test(text)) {
            const bad = [...new Set([...text].filter((c) => !TAI_VIET_TEXT.test(c)))].join('');
            problem(at, `Tai Dam text has characters outside Tai Viet: "${bad}"`);
          }
          if (!TAI_VIET_LETTER.test(text) && !/^[0-9\s]+$/.test(text)) problem(at, 'Tai Dam text has no Tai Viet letter');
        }
        if (value._type === 'localeBlockContent') {
          for (const lang of LANGS) {
            for (const block of value[lang] ?? []) {
              if (block._type !== 'block' || !Array.isArray(block.children) || !Array.isArray(block.markDefs)) problem(at, `${lang}: not a Portable Text block`);
            }
          }
        }
      }
    });

    // translation statuses, and completeness of every language that claims review
    if (doc.translations) {
      for (const lang of TRANSLATED) {
        const t = doc.translations[lang];
        if (!t) {
          problem(where, `translations.${lang} is missing`);
          continue;
        }
        if (!STATUSES.has(t.status)) problem(where, `translations.${lang}.status "${t.status}" is not a status`);
        if (t.status === 'reviewed' && (!t.reviewer || !/^\d{4}-\d{2}-\d{2}$/.test(t.reviewedAt ?? ''))) problem(where, `translations.${lang}: reviewed needs a reviewer and a date`);
        if (t.status !== 'reviewed' && t.reviewer) problem(where, `translations.${lang}: only a reviewed translation names a reviewer`);
      }
    }
    for (const lang of LANGS) {
      const status = lang === 'vi' ? 'reviewed' : doc.translations?.[lang]?.status;
      const present = [];
      const absent = [];
      walk(doc, '', (value, path) => {
        if (!value || typeof value !== 'object' || !LOCALIZED.has(value._type) || value._type === 'localeAudio') return;
        (hasValue(value[lang]) ? present : absent).push(path);
      });
      if ((status === 'reviewed' || status === 'needsReview') && absent.length > 0) {
        problem(where, `${lang} is marked ${status} but misses ${absent.length} text(s), e.g. ${absent.slice(0, 3).join(', ')}`);
      }
      if (status === 'missing' && present.length > 0) problem(where, `${lang} is marked missing but has ${present.length} text(s)`);
    }

    if (doc._type === 'material') {
      for (const [i, q] of (doc.quiz ?? []).entries()) {
        if (!Number.isInteger(q.correctOption) || q.correctOption < 1 || q.correctOption > q.options.length) problem(`${where}.quiz[${i}]`, 'correctOption is not one of the options (1-based)');
        if (q.options.length < 2 || q.options.length > 5) problem(`${where}.quiz[${i}]`, 'a question has 2 to 5 options');
      }
      if (!doc.slides?.length) problem(where, 'no slides');
    }
  }
  return { docs, assetBytes };
}

/** The width and height of a PNG or JPEG file. */
function imageSize(file) {
  const b = readFileSync(file);
  if (b.readUInt32BE(0) === 0x89504e47) return [b.readUInt32BE(16), b.readUInt32BE(20)];
  for (let i = 2; i < b.length; ) {
    const marker = b.readUInt16BE(i);
    if (marker >= 0xffc0 && marker <= 0xffc3) return [b.readUInt16BE(i + 7), b.readUInt16BE(i + 5)];
    i += 2 + b.readUInt16BE(i + 2);
  }
  return [0, 0];
}

/** Assets of one material, with their sizes. */
function packAssets(doc, assetBytes) {
  const files = new Set();
  walk(doc, '', (value) => {
    if (value && typeof value === 'object' && typeof value._sanityAsset === 'string') files.add(value._sanityAsset.replace(/^(image|file)@file:\/\/\.\//, ''));
  });
  let images = 0;
  let audio = 0;
  for (const f of files) {
    const bytes = assetBytes.get(f) ?? 0;
    if (f.startsWith('images/')) images += bytes;
    else audio += bytes;
  }
  return { images, audio, count: files.size };
}

function languagesOf(doc) {
  return LANGS.filter((lang) => lang === 'vi' || doc.translations?.[lang]?.status !== 'missing').map((lang) => (lang === 'vi' ? 'vi' : `${lang}:${doc.translations[lang].status}`));
}

function checkSample({ docs, assetBytes }) {
  const where = 'sample';
  const materials = docs.filter((d) => d._type === 'material');
  const topics = docs.filter((d) => d._type === 'topic');
  if (materials.length < 8) problem(where, `needs at least 8 lesson packs, has ${materials.length}`);
  if (topics.length !== 5) problem(where, `needs 5 topics, has ${topics.length}`);
  for (const n of ['111', '113']) if (!docs.some((d) => d._id === `helpContact-${n}`)) problem(where, `help contact ${n} missing`);
  if (!docs.some((d) => d._id === 'siteSettings' && /MẪU|mẫu/.test(d.banner?.vi ?? '') && /sample/i.test(d.banner?.en ?? ''))) problem(where, 'siteSettings banner must say this is sample content');
  const school = materials.filter((m) => m.setting.some((s) => s === 'school' || s === 'vocationalSchool') && m.audience.some((a) => a === 'lowerSecondary' || a === 'upperSecondary'));
  const jobs = materials.filter((m) => m.setting.includes('jobCentre') && m.audience.some((a) => a === 'jobSeekers' || a === 'vocationalTrainees'));
  if (school.length < 4) problem(where, `needs 4 school packs, has ${school.length}`);
  if (jobs.length < 4) problem(where, `needs 4 job-centre packs, has ${jobs.length}`);
  const covered = new Set(materials.flatMap((m) => m.topics.map((t) => t._ref)));
  for (const t of topics) if (!covered.has(t._id)) problem(where, `no pack covers ${t._id}`);
  let fullMinority = 0;
  let fullAudio = 0;
  for (const m of materials) {
    const at = `sample ${m._id}`;
    if (m.isSample !== true) problem(at, 'isSample must be true');
    if (m.slides.length < 5 || m.slides.length > 10) problem(at, `5 to 10 slides, has ${m.slides.length}`);
    if (m.discussionQuestions.length < 3 || m.discussionQuestions.length > 5) problem(at, '3 to 5 discussion questions');
    if (m.quiz.length < 3 || m.quiz.length > 4) problem(at, '3 to 4 quiz questions');
    for (const q of m.quiz) if (q.options.length < 3 || q.options.length > 4) problem(at, 'quiz questions have 3 to 4 options');
    if (m.keyMessages.length < 3 || m.keyMessages.length > 4) problem(at, '3 to 4 key messages');
    if (!m.helpContacts.some((r) => r._ref === 'helpContact-111')) problem(at, 'must refer to 111');
    if (!m.coverImage?.alt?.vi) problem(at, 'cover image with alt text');
    if (m.slides.filter((s) => s.image?.alt?.vi).length < 2) problem(at, 'images on at least 2 slides');
    for (const s of m.slides) if (!s.teacherNotes?.vi || !s.body?.vi) problem(`${at} ${s._key}`, 'body and teacher notes');
    if (m.translations.en.status !== 'reviewed') problem(at, 'English must be reviewed');
    if (['hmong', 'dao', 'thai'].every((l) => m.translations[l].status === 'needsReview')) fullMinority += 1;
    if (['hmong', 'dao', 'thai'].some((l) => m.translations[l].status === 'reviewed')) problem(at, 'sample minority-language text must not be marked reviewed');
    if (m.slides.every((s) => s.audio?.vi && s.audio?.en)) fullAudio += 1;
    const size = packAssets(m, assetBytes);
    if (size.images + size.audio > 1.5 * 1024 * 1024) problem(at, `assets ${size.images + size.audio} bytes, over 1.5 MB`);
  }
  if (fullMinority < 3) problem(where, `needs 3 packs in Hmong, Dao and Thai, has ${fullMinority}`);
  if (fullAudio < 1) problem(where, 'needs a pack with vi and en audio on every slide');
  for (const [file, bytes] of assetBytes) {
    if (!file.startsWith('images/')) continue;
    const [w, h] = imageSize(join(SAMPLE, file));
    if (w > 1200 || h > 800) problem(`sample ${file}`, `${w}x${h} is larger than 1200x800`);
    if (bytes > 60 * 1024) problem(`sample ${file}`, `${bytes} bytes, over 60 KB`);
  }
}

function checkFixture({ docs }) {
  const where = 'fixture';
  const materials = docs.filter((d) => d._type === 'material');
  const ids = materials.map((m) => m._id).sort();
  const want = ['material-fixture-draft-pack', 'material-fixture-jobcentre-pack', 'material-fixture-school-pack'];
  if (JSON.stringify(ids) !== JSON.stringify(want)) problem(where, `materials must be ${want.join(', ')}; has ${ids.join(', ')}`);
  if (docs.filter((d) => d._type === 'topic').length !== 2) problem(where, 'needs 2 topics');
  for (const n of ['111', '113']) if (!docs.some((d) => d._id === `helpContact-${n}`)) problem(where, `help contact ${n} missing`);
  if (!docs.some((d) => d._id === 'siteSettings')) problem(where, 'siteSettings missing');
  const a = docs.find((d) => d._id === 'material-fixture-school-pack');
  if (a) {
    for (const lang of TRANSLATED) if (a.translations[lang].status !== 'reviewed' || a.translations[lang].reviewer !== 'Test fixture') problem(where, `pack A: ${lang} must be reviewed by "Test fixture"`);
    if (a.slides.length !== 5) problem(where, 'pack A has 5 slides');
    if (!a.slides[0].audio?.vi) problem(where, 'pack A: audio on slide 1 (vi)');
    if (a.quiz.length !== 2) problem(where, 'pack A: quiz of 2 questions');
    const slide = a.slides.find((s) => textOf(s.body?.vi).includes('bẫyviệclàm'));
    if (!slide) problem(where, 'pack A: a Vietnamese slide holds "bẫyviệclàm"');
    else if (!textOf(slide.body?.hmong).includes('ntxiajhauj')) problem(where, 'pack A: that slide\'s Hmong holds "ntxiajhauj"');
  }
  const b = docs.find((d) => d._id === 'material-fixture-jobcentre-pack');
  if (b) {
    const t = b.translations;
    if (t.en.status !== 'reviewed' || t.hmong.status !== 'needsReview' || t.dao.status !== 'missing' || t.thai.status !== 'missing') problem(where, 'pack B: en reviewed, hmong needsReview, dao and thai missing');
    if (!b.title.hmong) problem(where, 'pack B: Hmong text present');
  }
  const c = docs.find((d) => d._id === 'material-fixture-draft-pack');
  if (c) {
    if (c.translations.en.status !== 'draft' || !c.title.en) problem(where, 'pack C: en draft with partial text');
    if (c.slides.every((s) => s.heading.en)) problem(where, 'pack C: English must be partial');
  }
}

function report(label, { docs, assetBytes }) {
  console.log(`\n${label}: ${docs.length} documents`);
  for (const m of docs.filter((d) => d._type === 'material')) {
    const size = packAssets(m, assetBytes);
    console.log(`  ${m.slug.current.padEnd(30)} ${m.audience.join('+').padEnd(32)} ${m.setting.join('+').padEnd(36)} ${m.topics.map((t) => t._ref.replace('topic-', '')).join(',').padEnd(44)} ${languagesOf(m).join(' ')}`);
    console.log(`  ${''.padEnd(30)} ${m.slides.length} slides; images ${size.images} B, audio ${size.audio} B, total ${size.images + size.audio} B`);
  }
  let images = 0;
  let audio = 0;
  for (const [f, b] of assetBytes) {
    if (f.startsWith('images/')) images += b;
    else audio += b;
  }
  console.log(`  all assets: ${assetBytes.size} files, images ${images} B, audio ${audio} B`);
}

const sample = checkDataset(SAMPLE, 'sample');
checkSample(sample);
const fixture = checkDataset(FIXTURE, 'fixture');
checkFixture(fixture);
report('studio/dataset', sample);
report('tests/fixtures/dataset', fixture);

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('\nAll dataset checks passed.');
