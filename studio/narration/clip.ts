/**
 * From a recording or a file to the clip that is saved: decoded to mono 16 kHz, cut to the voiced
 * part, timed sentence by sentence, encoded as speech-rate MP3, and the timings moved to where
 * the MP3 is heard. `timeClip` is the part without a browser (unit-tested with the sample's
 * narration); `prepareClip` adds Web Audio decoding and the encoder.
 */
import type { SentenceTiming } from '../../src/content/narration.ts';
import { decodeMono, encodeMp3, encoderDelay } from './audio.ts';
import { analyse, timingsByLength, timingsFromMarks, timingsFromPauses, trimRange } from './pauses.ts';

/**
 * How a clip's timings were found: the narrator's taps (all, or the first ones and then pauses),
 * the clip's pauses, sentence lengths; none for a slide without text.
 */
export type TimingSource = 'taps' | 'tapsThenPauses' | 'pauses' | 'length' | 'none';

/** Nothing voiced in the whole recording: a muted or unplugged microphone. */
export class NothingHeard extends Error {
  override name = 'NothingHeard';
}

/** Less voice than the slide's sentences could take: Stop pressed at once. */
export class TooShort extends Error {
  override name = 'TooShort';
}

/** The least voice (s) a sentence can be read in: below it, a recording is refused as too short. */
export const secondsPerSentence = 0.3;

/**
 * The voiced part of `samples` (mono PCM at `sampleRate`) and its timings for `sentences`, in
 * seconds from the part's start. Taps (`marks`, seconds from the recording's start) come first,
 * then pauses, then lengths. A recording (`marks` given) with no voice throws `NothingHeard`, one
 * with less voice than its sentences need throws `TooShort`; a file in which no voice stands out
 * of its noise is kept whole and timed by sentence length, for the narrator to adjust.
 */
export function timeClip(
  samples: Float32Array,
  sampleRate: number,
  sentences: readonly string[],
  marks?: readonly number[],
): { samples: Float32Array; timings: SentenceTiming[]; found: TimingSource } {
  const recorded = marks !== undefined;
  const whole = analyse(samples, sampleRate);
  if (!whole.voiced && recorded) throw new NothingHeard();
  const voicedFor = whole.voiced ? whole.voiced.end - whole.voiced.start : 0;
  if (recorded && voicedFor < secondsPerSentence * Math.max(1, sentences.length)) throw new TooShort();
  const { from, to } = trimRange(whole, sampleRate);
  const kept = samples.subarray(from, to);
  const speech = analyse(kept, sampleRate);
  const count = sentences.length;
  if (count === 0) return { samples: kept, timings: [], found: 'none' };
  const offset = from / sampleRate;
  const tapped = marks?.length
    ? timingsFromMarks(
        speech,
        marks.map((mark) => mark - offset),
        count,
      )
    : undefined;
  if (tapped) return { samples: kept, timings: tapped.timings, found: tapped.fromPauses ? 'tapsThenPauses' : 'taps' };
  const paused = timingsFromPauses(speech, sentences);
  if (paused) return { samples: kept, timings: paused, found: 'pauses' };
  const guessed = timingsByLength(speech, sentences);
  return guessed ? { samples: kept, timings: guessed, found: 'length' } : { samples: kept, timings: [], found: 'none' };
}

/** Timings measured on the PCM, moved to where they are heard in the MP3 (see `encoderDelay`). */
export const heardTimings = (timings: readonly SentenceTiming[]): SentenceTiming[] =>
  timings.map(({ start, end }) => ({
    start: Math.round((start + encoderDelay) * 100) / 100,
    end: Math.round((end + encoderDelay) * 100) / 100,
  }));

/**
 * A recording or file as it will be saved. `onProgress` gets the encoder's progress (0…1).
 * Throws `UndecodableAudio` (audio.ts), `NothingHeard` or `TooShort`.
 */
export async function prepareClip(
  source: Blob,
  sentences: readonly string[],
  marks: readonly number[] | undefined,
  onProgress: (fraction: number) => void,
): Promise<{ blob: Blob; timings: SentenceTiming[]; found: TimingSource }> {
  const decoded = await decodeMono(source);
  const { samples, timings, found } = timeClip(decoded.samples, decoded.sampleRate, sentences, marks);
  const blob = await encodeMp3(samples, decoded.sampleRate, onProgress);
  return { blob, timings: heardTimings(timings), found };
}
