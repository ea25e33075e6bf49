/**
 * The Studio's narration tools without a browser: sentence timings found from pauses and from a
 * narrator's taps, against the sample narration whose true timings are known (each sentence was
 * spoken on its own by espeak-ng and the clips joined with 0.3 s pauses: narration.json), and the
 * MP3 encoding (format, rate, length) read back by a real MP3 decoder (mpg123).
 */
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { MPEGDecoder } from 'mpg123-decoder';
import { describe, expect, it } from 'vitest';
import { fittingTimings, type SentenceTiming } from '../../src/content/narration.ts';
import { encodeMp3, encoderDelay, narrationFormat } from '../../studio/narration/audio.ts';
import { heardTimings, NothingHeard, secondsPerSentence, timeClip, TooShort } from '../../studio/narration/clip.ts';
import { fitMessage } from '../../studio/narration/messages.ts';
import {
  analyse,
  timingsByLength,
  timingsFromMarks,
  timingsFromPauses,
  trimRange,
} from '../../studio/narration/pauses.ts';

/** The sample's clips live with the sample dataset; the test fixture's with the fixture. */
const clipPath = (name: string) =>
  [`studio/dataset/files/${name}`, `tests/fixtures/dataset/files/${name}`].find((path) => existsSync(path)) ?? name;
const truth_ = (name: string) => truth[name]!;
const truth = JSON.parse(readFileSync('studio/dataset/source/narration.json', 'utf8')) as Record<
  string,
  { sentences: string[]; timings: SentenceTiming[] }
>;

async function decodeMp3(bytes: Uint8Array): Promise<{ samples: Float32Array; sampleRate: number }> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const { channelData, sampleRate } = decoder.decode(bytes);
    return { samples: channelData[0] ?? new Float32Array(), sampleRate };
  } finally {
    decoder.free();
  }
}

/** Where sentence `i` ends and `i + 1` starts in the truth: the middle of the pause between them. */
const trueBoundaries = (timings: readonly SentenceTiming[]) => timings.slice(1).map(({ start }) => start);

/**
 * Each found cut lies in the pause where the clips were joined: the true boundary falls between
 * where the found sentence ends and the next one starts (give or take 0.1 s), so no sentence
 * loses a word to its neighbour. The truth's own spans include espeak's trailing silence, so
 * their ends are not compared directly.
 */
function expectSamePauses(found: readonly SentenceTiming[], truth: readonly SentenceTiming[]) {
  expect(found).toHaveLength(truth.length);
  trueBoundaries(truth).forEach((boundary, i) => {
    expect(boundary).toBeGreaterThanOrEqual(found[i]!.end - 0.1);
    expect(boundary).toBeLessThanOrEqual(found[i + 1]!.start + 0.1);
  });
  expect(found[0]!.start).toBeLessThanOrEqual(truth[0]!.start + 0.1);
}

/** Seeded noise, so a test run is repeatable. */
function noise(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32 - 0.5;
  };
}

/** Bursts of "speech" (noisy 200 Hz tone) of the given lengths separated by gaps, over room noise. */
function synthetic(parts: readonly (readonly [kind: 'voice' | 'gap', seconds: number])[], sampleRate = 16_000) {
  const random = noise(7);
  const out: number[] = [];
  for (const [kind, seconds] of parts) {
    const count = Math.round(seconds * sampleRate);
    for (let i = 0; i < count; i += 1) {
      const room = random() * 0.004;
      out.push(
        kind === 'voice' ? 0.3 * Math.sin((2 * Math.PI * 200 * i) / sampleRate) * (0.6 + random()) + room : room,
      );
    }
  }
  return { samples: Float32Array.from(out), sampleRate };
}

describe('sentence timings from pauses', () => {
  const clips = Object.keys(truth).filter((name) => truth[name]!.sentences.length > 1);

  it.each(clips)('finds the sentences of %s within 0.2 s of where they were joined', async (name) => {
    const { sentences, timings } = truth[name]!;
    const { samples: pcm, sampleRate } = await decodeMp3(readFileSync(clipPath(name)));
    const speech = analyse(pcm, sampleRate);
    const found = timingsFromPauses(speech, sentences);
    expect(found).toBeDefined();
    // With the text or only the count, the same breaks.
    expect(timingsFromPauses(speech, sentences.length)).toEqual(found);
    expect(fittingTimings(found, sentences.length)).toEqual(found);
    expectSamePauses(found!, timings);
  });

  it('moves taps that land up to half a second early or late into the pause between the sentences', async () => {
    const name = 'fake-jobs-across-the-border-1-vi.mp3';
    const { timings } = truth[name]!;
    const { samples: pcm, sampleRate } = await decodeMp3(readFileSync(clipPath(name)));
    const speech = analyse(pcm, sampleRate);
    // A narrator taps late on some sentences and early on others: the highlight must not drift.
    const errors = [0.45, -0.4, 0.3, -0.5, 0.5, -0.2, 0.4, -0.45];
    const marks = trueBoundaries(timings).map((boundary, i) => boundary + errors[i]!);
    const found = timingsFromMarks(speech, marks, timings.length);
    expect(found?.fromPauses).toBe(0);
    expect(fittingTimings(found?.timings, timings.length)).toEqual(found?.timings);
    expectSamePauses(found!.timings, timings);
  });

  it('takes the first sentences from the taps and the rest from the pauses when the narrator stops tapping', async () => {
    const name = 'fake-jobs-across-the-border-1-vi.mp3';
    const { timings } = truth_(name);
    const { samples: pcm, sampleRate } = await decodeMp3(readFileSync(clipPath(name)));
    const speech = analyse(pcm, sampleRate);
    const marks = trueBoundaries(timings)
      .slice(0, 3)
      .map((boundary) => boundary + 0.3);
    const found = timingsFromMarks(speech, marks, timings.length);
    expect(found?.fromPauses).toBe(timings.length - 1 - 3);
    expectSamePauses(found!.timings, timings);
    // A tap after the last word (a sentence that was never read) is not a boundary.
    const late = timingsFromMarks(speech, [...marks, speech.voiced!.end + 0.5], timings.length);
    expect(late?.fromPauses).toBe(timings.length - 1 - 3);
  });

  it('does not cut a sentence at a long hesitation inside it when the text says the break is elsewhere', () => {
    // "Một, hai, ba … bốn năm sáu bảy tám." then "Chín mười." (a 1.2 s hesitation inside sentence 1).
    const clip = synthetic([
      ['gap', 0.4],
      ['voice', 1.2],
      ['gap', 1.2],
      ['voice', 2],
      ['gap', 0.45],
      ['voice', 1],
      ['gap', 0.4],
    ]);
    const speech = analyse(clip.samples, clip.sampleRate);
    const sentences = ['Một hai ba bốn năm sáu bảy tám chín mười mười một.', 'Chín mười mười.'];
    const found = timingsFromPauses(speech, sentences);
    expect(found![1]!.start).toBeGreaterThan(4.7);
    // The longest pause alone would have cut inside sentence 1.
    expect(timingsFromPauses(speech, 2)![1]!.start).toBeLessThan(3);
  });

  it('keeps a tap where it was when no pause is near, and boundaries in order when taps crowd one pause', () => {
    const clip = synthetic([
      ['gap', 0.5],
      ['voice', 1],
      ['gap', 0.4],
      ['voice', 1],
      ['gap', 0.4],
      ['voice', 1],
      ['gap', 0.5],
    ]);
    const speech = analyse(clip.samples, clip.sampleRate);
    expect(speech.pauses).toHaveLength(2);
    // Both taps nearest the first pause: the second takes the next pause, not the same one.
    const crowded = timingsFromMarks(speech, [1.7, 2.4], 3)?.timings;
    expect(fittingTimings(crowded, 3)).toEqual(crowded);
    expect(crowded![1]!.start).toBeGreaterThan(1.8);
    expect(crowded![2]!.start).toBeGreaterThan(3.2);
    // A tap in the middle of a long stretch of speech stays there.
    const long = synthetic([
      ['gap', 0.5],
      ['voice', 4],
      ['gap', 0.5],
    ]);
    const far = timingsFromMarks(analyse(long.samples, long.sampleRate), [2.5], 2)?.timings;
    expect(far![1]!.start).toBeCloseTo(2.5, 1);
  });

  it('hears nothing in silence or a steady hum, and finds no pauses there', () => {
    const silence = analyse(new Float32Array(16_000), 16_000);
    expect(silence.voiced).toBeUndefined();
    expect(timingsFromPauses(silence, 3)).toBeUndefined();
    // Shared out by length over the whole clip: the narrator adjusts from there.
    expect(timingsByLength(silence, ['a', 'b'])).toEqual([
      { start: 0, end: 0.5 },
      { start: 0.5, end: 1 },
    ]);
    const hum = analyse(synthetic([['voice', 3]]).samples, 16_000);
    expect(hum.pauses).toHaveLength(0);
    expect(timingsFromPauses(hum, 2)).toBeUndefined();
  });

  it('ignores gaps shorter than 150 ms (stops inside words) and shares out by length when pauses are too few', () => {
    const clip = synthetic([
      ['gap', 0.3],
      ['voice', 1],
      ['gap', 0.08],
      ['voice', 2],
      ['gap', 0.3],
    ]);
    const speech = analyse(clip.samples, clip.sampleRate);
    expect(speech.pauses).toHaveLength(0);
    const guessed = timingsByLength(speech, ['short one.', 'a sentence twice as long.']);
    expect(fittingTimings(guessed, 2)).toEqual(guessed);
    expect(guessed![1]!.end - guessed![1]!.start).toBeGreaterThan(guessed![0]!.end - guessed![0]!.start);
  });

  it('trims room noise before the first word and after the last, keeping 0.3 s', () => {
    const clip = synthetic([
      ['gap', 2],
      ['voice', 1],
      ['gap', 3],
    ]);
    const { from, to } = trimRange(analyse(clip.samples, clip.sampleRate), clip.sampleRate);
    expect(from / clip.sampleRate).toBeCloseTo(1.7, 1);
    expect(to / clip.sampleRate).toBeCloseTo(3.3, 1);
  });
});

describe('narration encoding', () => {
  it('writes constant-rate MP3, mono, 16 kHz, 24 kbit/s, as long as the input', async () => {
    const clip = synthetic([
      ['gap', 0.5],
      ['voice', 3],
      ['gap', 0.5],
    ]);
    const progress: number[] = [];
    const blob = await encodeMp3(clip.samples, clip.sampleRate, (fraction) => progress.push(fraction));
    expect(blob.type).toBe(narrationFormat.mimeType);
    expect(progress.at(-1)).toBe(1);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // Frame header: sync, MPEG-2 Layer III; bit rate index 3 (24 kbit/s) and rate index 2 (16 kHz); mono.
    expect(bytes[0]).toBe(0xff);
    expect(bytes[1]! & 0xfe).toBe(0xf2);
    expect(bytes[2]! >> 4).toBe(3);
    expect((bytes[2]! >> 2) & 3).toBe(2);
    expect(bytes[3]! >> 6).toBe(3);
    // 4 s at 24 kbit/s is 12 KB; a constant rate keeps it there (LAME adds a frame or two).
    expect(bytes.length).toBeGreaterThan(11_500);
    expect(bytes.length).toBeLessThan(13_000);
    const decoded = await decodeMp3(bytes);
    expect(decoded.sampleRate).toBe(16_000);
    // As long as the input, plus the encoder's delay and the last frame's padding.
    const seconds = decoded.samples.length / 16_000;
    expect(seconds).toBeGreaterThanOrEqual(4 + encoderDelay);
    expect(seconds).toBeLessThan(4 + encoderDelay + 0.1);
    // Every sound comes encoderDelay later than in the input (one 20 ms analysis frame either way).
    const speech = analyse(decoded.samples, decoded.sampleRate);
    expect(Math.abs(speech.voiced!.start - (0.5 + encoderDelay))).toBeLessThanOrEqual(0.02);
    expect(Math.abs(speech.voiced!.end - (3.5 + encoderDelay))).toBeLessThanOrEqual(0.02);
  });
});

describe('a clip from recording to saved file', () => {
  it('keeps every sentence where it is heard in the saved MP3, after trimming and encoding', async () => {
    const name = 'fake-jobs-across-the-border-3-vi.mp3';
    const { sentences, timings: truth } = truth_(name);
    const { samples: pcm, sampleRate } = await decodeMp3(readFileSync(clipPath(name)));
    // Two seconds of room before the narrator starts, one after: trimmed away.
    const room = new Float32Array(sampleRate * 3).map((_, i) => ((i * 7919) % 101) / 101 / 500);
    const recorded = Float32Array.from([...room.subarray(0, sampleRate * 2), ...pcm, ...room.subarray(0, sampleRate)]);
    const taps = trueBoundaries(truth).map((boundary, i) => 2 + boundary + (i % 2 ? 0.35 : -0.35));
    const clip = timeClip(recorded, sampleRate, sentences, taps);
    expect(clip.found).toBe('taps');
    expect(clip.samples.length / sampleRate).toBeLessThan(pcm.length / sampleRate + 0.7);
    const saved = await encodeMp3(clip.samples, sampleRate);
    const heard = heardTimings(clip.timings);
    // Read back, the saved file's pauses fall where the saved timings put the sentence breaks.
    const decoded = await decodeMp3(new Uint8Array(await saved.arrayBuffer()));
    const again = timeClip(decoded.samples, decoded.sampleRate, sentences);
    expect(again.found).toBe('pauses');
    const offset = (again.samples.byteOffset - decoded.samples.byteOffset) / 4 / decoded.sampleRate;
    expect(offset).toBeLessThan(0.1);
    const readBack = trueBoundaries(again.timings).map((boundary) => boundary + offset);
    // Within one 20 ms analysis frame and the 10 ms rounding of saved timings.
    trueBoundaries(heard).forEach((boundary, i) => expect(Math.abs(boundary - readBack[i]!)).toBeLessThan(0.035));
    // Without the move by the encoder's delay most breaks would be out by 40–80 ms.
    const unmoved = trueBoundaries(clip.timings).filter((boundary, i) => Math.abs(boundary - readBack[i]!) >= 0.035);
    expect(unmoved.length).toBeGreaterThan(trueBoundaries(heard).length / 2);
  });

  it('refuses a recording with nothing heard or too short for its sentences, keeps a file, times nothing without text', () => {
    expect(() => timeClip(new Float32Array(16_000), 16_000, ['Một câu.'], [])).toThrow(NothingHeard);
    const blip = synthetic([
      ['gap', 0.5],
      ['voice', 0.4],
      ['gap', 0.5],
    ]);
    expect(() => timeClip(blip.samples, blip.sampleRate, ['Một.', 'Hai.', 'Ba.'], [])).toThrow(TooShort);
    // A file in which no voice stands out is kept whole, timed by length for the narrator to adjust.
    const noisy = timeClip(new Float32Array(16_000), 16_000, ['Một câu.', 'Hai câu.']);
    expect(noisy.found).toBe('length');
    expect(noisy.samples.length).toBe(16_000);
    const clip = synthetic([
      ['gap', 0.5],
      ['voice', 1],
      ['gap', 0.5],
    ]);
    expect(timeClip(clip.samples, clip.sampleRate, []).found).toBe('none');
  });

  it('tells the narrator whether read-along will use the timings', () => {
    const two = [
      { start: 0, end: 1 },
      { start: 1.2, end: 2 },
    ];
    expect(fitMessage(two, 2)).toMatchObject({ tone: 'positive' });
    expect(fitMessage(two, 3).text).toContain('Chữ có 3 câu, lời đọc có 2 mốc');
    expect(fitMessage([two[1]!, two[0]!], 2).text).toContain('sai thứ tự');
    expect(fitMessage(two, 0).text).toContain('chưa có chữ');
    // A saved timing with no start is not read-along (the site refuses it); the input says so.
    expect(fitMessage([{ start: Number.NaN, end: 1 }, two[1]!], 2).tone).toBe('caution');
  });
});

describe('whatever the clip, the timings saved are ones read-along uses', () => {
  const segment = fc.record({
    kind: fc.constantFrom('voice' as const, 'gap' as const),
    seconds: fc.double({ min: 0.005, max: 2.5, noNaN: true }),
  });

  it('gives one fitting timing per sentence, within the clip, or refuses the recording with a reason', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(8_000, 16_000, 44_100, 48_000),
        fc.integer({ min: 0, max: 8 }),
        fc.option(fc.array(fc.double({ min: -2, max: 30, noNaN: true }), { maxLength: 9 }), { nil: undefined }),
        (parts, sampleRate, count, marks) => {
          const { samples } = synthetic(
            parts.map(({ kind, seconds }) => [kind, seconds] as const),
            sampleRate,
          );
          const sentences = Array.from({ length: count }, (_, i) => `Câu ${'số '.repeat(i)}${String(i + 1)}.`);
          let clip: ReturnType<typeof timeClip>;
          try {
            clip = timeClip(samples, sampleRate, sentences, marks);
          } catch (error) {
            // Only a recording is refused, and only for these reasons.
            expect(marks).toBeDefined();
            expect(error instanceof NothingHeard || error instanceof TooShort).toBe(true);
            return;
          }
          const duration = clip.samples.length / sampleRate;
          if (clip.found === 'none') {
            // No timings only for a slide without text, or a file too short to share out.
            expect(clip.timings).toEqual([]);
            expect(count === 0 || (marks === undefined && duration < secondsPerSentence * count)).toBe(true);
            return;
          }
          expect(clip.timings).toHaveLength(count);
          expect(fittingTimings(clip.timings, count)).toEqual(clip.timings);
          expect(clip.timings.at(-1)!.end).toBeLessThanOrEqual(duration);
        },
      ),
      { numRuns: 300, seed: 15 },
    );
  });
});
