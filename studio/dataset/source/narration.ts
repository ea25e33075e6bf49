/**
 * The sample's narration, by sentence (read-along): each sentence of a slide is spoken by
 * espeak-ng on its own, the clips are joined with a short pause, and the joined clip is encoded
 * once with ffmpeg as MP3 (mono, 16 kHz, 24 kbit/s: speech rate, plays in every browser). Each
 * sentence's start and end go into the file object as `sentences` (what the Studio's narration
 * input writes too) and into `narration.json` here, so a build with `--no-audio` (no espeak-ng)
 * keeps them. The sentences are the site's own (`slideSentences`), so page and timings agree.
 *
 * Needs espeak-ng and ffmpeg: apt-get install espeak-ng ffmpeg.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slideSentences, type SentenceTiming } from '../../../src/content/narration.ts';
import type { LocalePath } from '../../../src/i18n/locales.ts';

const timingsFile = join(dirname(fileURLToPath(import.meta.url)), 'narration.json');
/** Silence between two sentences, in seconds; a sentence's timing takes half of it on each side. */
const pause = 0.3;

/** One clip to narrate: its sentences and the file object of the dataset that gets the timings. */
export interface NarrationClip {
  lang: LocalePath;
  sentences: string[];
  object: { sentences?: (SentenceTiming & { _key: string })[] };
}

interface Stored {
  sentences: string[];
  timings: SentenceTiming[];
}

/** The sentences a slide's narration speaks in `lang`, from the dataset's own slide fields. */
export function narrationSentences(
  slide: { heading?: Record<string, string>; body?: Record<string, unknown> },
  lang: string,
): string[] {
  const body = slide.body?.[lang];
  return slideSentences(slide.heading?.[lang] ?? '', Array.isArray(body) ? body : undefined);
}

/** The PCM samples (16-bit mono) and rate of a WAV file as espeak-ng writes it. */
function readWav(file: string): { rate: number; pcm: Buffer } {
  const wav = readFileSync(file);
  let at = 12;
  let rate = 22050;
  while (at + 8 <= wav.length) {
    const id = wav.toString('ascii', at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    if (id === 'fmt ') rate = wav.readUInt32LE(at + 12);
    if (id === 'data') return { rate, pcm: wav.subarray(at + 8, Math.min(wav.length, at + 8 + size)) };
    at += 8 + size + (size % 2);
  }
  throw new Error(`${file}: no audio data`);
}

function wavHeader(rate: number, bytes: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + bytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(bytes, 40);
  return header;
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

/** espeak-ng's voice and speed for each language the sample speaks. */
export const voices: Partial<Record<LocalePath, { voice: string; wordsPerMinute: number }>> = {
  vi: { voice: 'vi', wordsPerMinute: 140 },
  en: { voice: 'en-gb', wordsPerMinute: 150 },
};

/** Speaks each sentence, joins them into `out` (MP3) and returns each sentence's timing. */
function synthesize(sentences: string[], lang: LocalePath, out: string): SentenceTiming[] {
  const spoken = voices[lang];
  if (!spoken) throw new Error(`${out}: no espeak-ng voice for "${lang}" (add one to voices in narration.ts)`);
  const voice = spoken.voice;
  const speed = String(spoken.wordsPerMinute);
  const wav = join(tmpdir(), `dataset-sentence-${process.pid}.wav`);
  const parts: Buffer[] = [];
  const timings: SentenceTiming[] = [];
  let rate = 22050;
  let seconds = 0;
  for (const sentence of sentences) {
    execFileSync('espeak-ng', ['-v', voice, '-s', speed, '-w', wav, sentence]);
    const clip = readWav(wav);
    rate = clip.rate;
    const gap = Buffer.alloc(2 * Math.round(rate * pause));
    const lead = parts.length === 0 ? Buffer.alloc(0) : gap;
    parts.push(lead, clip.pcm);
    const start = seconds + lead.length / 2 / rate;
    const end = start + clip.pcm.length / 2 / rate;
    timings.push({ start: round(Math.max(0, start - pause / 2)), end: round(end + pause / 2) });
    seconds = end;
  }
  // The last sentence's end is the clip's end.
  const last = timings.at(-1);
  if (last) last.end = round(seconds);
  const pcm = Buffer.concat(parts);
  writeFileSync(wav, Buffer.concat([wavHeader(rate, pcm.length), pcm]));
  execFileSync('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    '-i',
    wav,
    '-ac',
    '1',
    '-ar',
    '16000',
    '-c:a',
    'libmp3lame',
    '-b:a',
    '24k',
    '-map_metadata',
    '-1',
    '-fflags',
    '+bitexact',
    '-flags:a',
    '+bitexact',
    out,
  ]);
  rmSync(wav, { force: true });
  return timings;
}

/**
 * Writes the clips into `<dir>/files/` (when `speak`) and puts each one's sentence timings into its
 * file object. Without `speak`, the timings stored in narration.json are used, for clips whose
 * sentences did not change since; a changed clip gets none (and a warning) until it is spoken again.
 */
export function writeNarration(dir: string, clips: Map<string, NarrationClip>, speak: boolean): void {
  const stored: Record<string, Stored> = existsSync(timingsFile)
    ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, Stored>)
    : {};
  if (speak) mkdirSync(join(dir, 'files'), { recursive: true });
  for (const [file, clip] of clips) {
    let timings: SentenceTiming[] | undefined;
    if (speak) {
      timings = synthesize(clip.sentences, clip.lang, join(dir, 'files', file));
      stored[file] = { sentences: clip.sentences, timings };
    } else if (JSON.stringify(stored[file]?.sentences) === JSON.stringify(clip.sentences)) {
      timings = stored[file]!.timings;
    } else {
      console.warn(`${file}: the text changed since it was spoken; run without --no-audio to time its sentences again`);
    }
    if (timings) clip.object.sentences = timings.map((timing, i) => ({ _key: `s${i + 1}`, ...timing }));
  }
  const sorted = Object.fromEntries(Object.entries(stored).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(timingsFile, `${JSON.stringify(sorted, null, 1)}\n`);
}
