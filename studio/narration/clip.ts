/**
 * From a recording or a file to the clip that is saved: decoded to mono 16 kHz, cut to the voiced
 * part, timed sentence by sentence, encoded as speech-rate MP3, and the timings moved to where
 * the MP3 is heard. `timeClip` is the part without a browser (unit-tested with the sample's
 * narration); `prepareClip` adds Web Audio decoding and the encoder.
 */
import type { SentenceTiming } from '../../src/content/narration.ts';
import { decodeMono, encodeMp3, encoderDelay } from './audio.ts';
import { analyse, timingsByLength, timingsFromMarks, timingsFromPauses, trimRange } from './pauses.ts';

/** How a clip's timings were found: the narrator's taps, the clip's pauses, sentence lengths. */
export type TimingSource = 'taps' | 'pauses' | 'length' | 'none';

/** Nothing voiced in the whole recording: a muted or unplugged microphone. */
export class NothingHeard extends Error {
  override name = 'NothingHeard';
}

/**
 * The voiced part of `samples` (mono PCM at `sampleRate`) and its timings for `sentences`, in
 * seconds from the part's start. Taps (`marks`, seconds from the recording's start, one fewer
 * than the sentences) come first, then pauses, then lengths. Throws `NothingHeard`.
 */
export function timeClip(
  samples: Float32Array,
  sampleRate: number,
  sentences: readonly string[],
  marks?: readonly number[],
): { samples: Float32Array; timings: SentenceTiming[]; found: TimingSource } {
  const whole = analyse(samples, sampleRate);
  if (!whole.voiced) throw new NothingHeard();
  const { from, to } = trimRange(whole, sampleRate);
  const voiced = samples.subarray(from, to);
  const speech = analyse(voiced, sampleRate);
  const offset = from / sampleRate;
  const count = sentences.length;
  const attempts: [TimingSource, () => SentenceTiming[] | undefined][] = [
    [
      'taps',
      () =>
        marks?.length === count - 1
          ? timingsFromMarks(
              speech,
              marks.map((mark) => mark - offset),
            )
          : undefined,
    ],
    ['pauses', () => timingsFromPauses(speech, count)],
    ['length', () => timingsByLength(speech, sentences)],
  ];
  if (count > 0) {
    for (const [found, attempt] of attempts) {
      const timings = attempt();
      if (timings) return { samples: voiced, timings, found };
    }
  }
  return { samples: voiced, timings: [], found: 'none' };
}

/** Timings measured on the PCM, moved to where they are heard in the MP3 (see `encoderDelay`). */
export const heardTimings = (timings: readonly SentenceTiming[]): SentenceTiming[] =>
  timings.map(({ start, end }) => ({
    start: Math.round((start + encoderDelay) * 100) / 100,
    end: Math.round((end + encoderDelay) * 100) / 100,
  }));

/**
 * A recording or file as it will be saved. `onProgress` gets the encoder's progress (0…1).
 * Throws `UndecodableAudio` (audio.ts) or `NothingHeard`.
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
