/**
 * Sentence timings from the pauses in a narration: the fix for the read-along highlight that
 * drifts. A narrator's tap on "next sentence" lands a little early or late; the pause the
 * narrator actually left between two sentences does not. So a tapped boundary is moved into the
 * nearest pause, and an uploaded clip without taps is cut at its longest pauses.
 *
 * Input is mono PCM (`Float32Array`, −1…1) at `sampleRate` Hz; every time is in seconds from the
 * clip's start. Voice activity is judged per 20 ms frame by its RMS level in dBFS against a
 * threshold set between the clip's own noise floor (10th percentile) and speech level (95th
 * percentile), so a quiet room and a noisy classroom both work without a setting. A pause is at
 * least `minPause` (150 ms) of frames below it: shorter gaps are stops inside words (p, t, k).
 */
import type { SentenceTiming } from '../../src/content/narration.ts';

/** A stretch of the clip, in seconds. */
export interface Span {
  start: number;
  end: number;
}

/** What `analyse` finds in a clip: the voiced part as a whole and the pauses inside it. */
export interface Speech {
  /** The clip's length (s). */
  duration: number;
  /** From the first voiced frame to the end of the last; undefined when nothing was heard. */
  voiced: Span | undefined;
  /** Silent stretches inside `voiced`, at least `minPause` long, in order. */
  pauses: Span[];
}

export const frameSeconds = 0.02;
/** Gaps shorter than this are inside a sentence (stop consonants, a breath). */
export const minPause = 0.15;
/** Kept before a sentence's first voiced frame and after its last: onsets are soft. */
const pad = 0.08;
/** How far (s) from a tapped boundary a pause may be and still be taken as the boundary. */
export const snapWindow = 0.6;
/** Below this (dBFS) a frame is silence whatever the clip's levels: digital silence, hiss. */
const floorDb = -60;

const round = (seconds: number): number => Math.round(seconds * 100) / 100;

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return floorDb;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? floorDb;
}

/** Per frame of `frameSeconds`, whether someone is speaking. */
export function voicedFrames(samples: Float32Array, sampleRate: number): boolean[] {
  const size = Math.max(1, Math.round(sampleRate * frameSeconds));
  const levels: number[] = [];
  for (let at = 0; at < samples.length; at += size) {
    const end = Math.min(samples.length, at + size);
    let sum = 0;
    for (let i = at; i < end; i += 1) sum += (samples[i] ?? 0) ** 2;
    const rms = Math.sqrt(sum / (end - at));
    levels.push(rms > 0 ? Math.max(-100, 20 * Math.log10(rms)) : -100);
  }
  const sorted = [...levels].sort((a, b) => a - b);
  const noise = percentile(sorted, 0.1);
  const speech = percentile(sorted, 0.95);
  // A third of the way from the noise to the speech level, and never below the floor: with no
  // speech at all (speech ≈ noise) every frame stays silent.
  const threshold = Math.max(floorDb, noise + (speech - noise) / 3, speech - 40);
  return levels.map((level) => level > threshold && speech - noise > 10);
}

/** The voiced part of a clip and its pauses. */
export function analyse(samples: Float32Array, sampleRate: number): Speech {
  const duration = samples.length / sampleRate;
  const frames = voicedFrames(samples, sampleRate);
  const first = frames.indexOf(true);
  const last = frames.lastIndexOf(true);
  if (first < 0) return { duration, voiced: undefined, pauses: [] };
  const pauses: Span[] = [];
  let silentFrom: number | undefined;
  for (let i = first; i <= last; i += 1) {
    if (!frames[i]) silentFrom ??= i;
    else if (silentFrom !== undefined) {
      if ((i - silentFrom) * frameSeconds >= minPause)
        pauses.push({ start: silentFrom * frameSeconds, end: i * frameSeconds });
      silentFrom = undefined;
    }
  }
  return {
    duration,
    voiced: { start: first * frameSeconds, end: Math.min(duration, (last + 1) * frameSeconds) },
    pauses,
  };
}

/**
 * Sentences between consecutive boundaries (each a pause, or a bare instant): a sentence ends
 * `pad` into the pause after it and starts `pad` before the pause ends, never past the pause's
 * middle, so neighbours never overlap; the first starts `pad` before the first voiced frame and
 * the last ends `pad` after the last one, within the clip. Times are rounded to 10 ms. Undefined
 * when a sentence would be shorter than 50 ms (two boundaries at one place).
 */
function between(speech: Speech & { voiced: Span }, boundaries: readonly Span[]): SentenceTiming[] | undefined {
  const cuts = boundaries.map((b) => {
    const middle = (b.start + b.end) / 2;
    return { end: Math.min(b.start + pad, middle), start: Math.max(b.end - pad, middle) };
  });
  const starts = [Math.max(0, speech.voiced.start - pad), ...cuts.map((cut) => cut.start)];
  const ends = [...cuts.map((cut) => cut.end), Math.min(speech.duration, speech.voiced.end + pad)];
  const timings = starts.map((start, i) => ({
    start: round(start),
    // The last end rounds down: it must not pass the clip's end.
    end: i === starts.length - 1 ? Math.floor((ends[i] ?? start) * 100) / 100 : round(ends[i] ?? start),
  }));
  return timings.every(({ start, end }) => end - start >= 0.05) ? timings : undefined;
}

/** The `count` longest pauses starting at or after `after` (s), in order of time. */
function longestPauses(speech: Speech, count: number, after = Number.NEGATIVE_INFINITY): Span[] | undefined {
  const candidates = speech.pauses.filter((pause) => pause.start >= after);
  if (candidates.length < count) return undefined;
  return candidates
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
    .slice(0, count)
    .sort((a, b) => a.start - b.start);
}

/** Each sentence's share of the reading, by its length in graphemes (speech rate is roughly even). */
function shares(sentences: readonly string[]): number[] {
  const graphemes = new Intl.Segmenter();
  const weights = sentences.map((sentence) => Math.max(1, [...graphemes.segment(sentence)].length));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

/**
 * The pauses, in order, that best fit being the breaks between `sentences`: long, and near where
 * the sentences' lengths put each break (a hesitation inside a long sentence is long too, but in
 * the wrong place). Each pause scores its length times (0.25 + a Gaussian of its distance from
 * the expected break, σ a third of an average sentence), so length still decides where the text
 * is a poor guide; the best-scoring ordered choice is found by dynamic programming.
 */
function likelyPauses(pauses: readonly Span[], voiced: Span, sentences: readonly string[]): Span[] | undefined {
  const breaks = sentences.length - 1;
  if (pauses.length < breaks) return undefined;
  const span = voiced.end - voiced.start;
  const sigma = span / sentences.length / 3;
  let at = voiced.start;
  const expected = shares(sentences)
    .slice(0, -1)
    .map((share) => (at += share * span));
  const score = (pause: Span, index: number) => {
    const distance = (pause.start + pause.end) / 2 - (expected[index] ?? 0);
    return (pause.end - pause.start) * (0.25 + Math.exp(-((distance / sigma) ** 2)));
  };
  // best[j][i]: the best total for breaks 0…j with break j at pause i; from[j][i]: break j − 1's pause.
  const best: number[][] = [];
  const from: number[][] = [];
  for (let j = 0; j < breaks; j += 1) {
    const row: number[] = [];
    const back: number[] = [];
    let before = j === 0 ? 0 : Number.NEGATIVE_INFINITY;
    let beforeAt = -1;
    for (let i = 0; i < pauses.length; i += 1) {
      const previous = j > 0 && i > 0 ? (best[j - 1]?.[i - 1] ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY;
      if (previous > before) {
        before = previous;
        beforeAt = i - 1;
      }
      row.push(before + score(pauses[i]!, j));
      back.push(beforeAt);
    }
    best.push(row);
    from.push(back);
  }
  const last = best[breaks - 1] ?? [];
  let i = last.indexOf(Math.max(...last));
  const chosen: Span[] = [];
  for (let j = breaks - 1; j >= 0 && i >= 0; j -= 1) {
    chosen.unshift(pauses[i]!);
    i = from[j]?.[i] ?? -1;
  }
  return chosen.length === breaks && chosen.every((pause, k) => k === 0 || pause.start > chosen[k - 1]!.start)
    ? chosen
    : undefined;
}

/**
 * Timings for `sentences` cut at the pauses that best fit being their breaks (`likelyPauses`),
 * or, given only a count, at the longest pauses. Undefined when the clip has too few pauses, or
 * nothing voiced: the caller then asks for taps or hand timings.
 */
export function timingsFromPauses(speech: Speech, sentences: readonly string[] | number): SentenceTiming[] | undefined {
  const { voiced } = speech;
  const count = typeof sentences === 'number' ? sentences : sentences.length;
  if (!voiced || count < 1) return undefined;
  const chosen =
    typeof sentences === 'number' || count === 1
      ? longestPauses(speech, count - 1)
      : likelyPauses(speech.pauses, voiced, sentences);
  return chosen && between({ ...speech, voiced }, chosen);
}

/**
 * Timings for `count` sentences from the narrator's taps: `marks` are the instants (s) "next
 * sentence" was pressed. Each moves into the nearest pause within `snapWindow`; boundaries stay in
 * order (a pause serves one boundary only); a mark with no pause near it stays where it was
 * tapped. Taps outside the voiced part (after the last word: a sentence not read) are left out.
 * When the narrator stopped tapping early, the boundaries after the last tap are the longest
 * pauses after it (`fromPauses` says how many). Undefined when that does not give `count`.
 */
export function timingsFromMarks(
  speech: Speech,
  marks: readonly number[],
  count: number,
): { timings: SentenceTiming[]; fromPauses: number } | undefined {
  const { voiced } = speech;
  if (!voiced || count < 1) return undefined;
  const distance = (pause: Span, at: number) =>
    at < pause.start ? pause.start - at : at > pause.end ? at - pause.end : 0;
  const inside = marks
    .filter((mark) => mark > voiced.start + 0.1 && mark < voiced.end - 0.1)
    .sort((a, b) => a - b)
    .slice(0, count - 1);
  // Boundaries stay in order: each looks only at pauses after the one before it took.
  let after = Number.NEGATIVE_INFINITY;
  const tapped = inside.map((mark): Span => {
    const nearest = speech.pauses
      .filter((pause) => pause.start >= after && distance(pause, mark) <= snapWindow)
      .sort((a, b) => distance(a, mark) - distance(b, mark))[0];
    const boundary = nearest ?? { start: Math.max(mark, after), end: Math.max(mark, after) };
    after = boundary.end;
    return boundary;
  });
  const missing = count - 1 - tapped.length;
  const rest = longestPauses(speech, missing, after);
  if (!rest) return undefined;
  const timings = between({ ...speech, voiced }, [...tapped, ...rest]);
  return timings && { timings, fromPauses: missing };
}

/**
 * A first guess when neither taps nor pauses give the boundaries: the voiced part (or the whole
 * clip, when no voice stands out of its noise) shared out by
 * each sentence's length in characters (graphemes: a Vietnamese letter with two marks is one; speech rate is roughly even within one narrator).
 */
export function timingsByLength(speech: Speech, sentences: readonly string[]): SentenceTiming[] | undefined {
  // A clip in which no voice stands out (a noisy room) is shared out whole.
  const voiced = speech.voiced ?? { start: 0, end: speech.duration };
  if (sentences.length === 0 || voiced.end <= voiced.start) return undefined;
  let at = voiced.start;
  const boundaries: Span[] = shares(sentences)
    .slice(0, -1)
    .map((share) => {
      at += share * (voiced.end - voiced.start);
      return { start: at, end: at };
    });
  return between({ ...speech, voiced }, boundaries);
}

/**
 * The clip cut to its voiced part with `margin` seconds either side, as sample offsets: leading
 * and trailing room noise costs bytes on phones with little storage.
 */
export function trimRange(speech: Speech, sampleRate: number, margin = 0.3): { from: number; to: number } {
  if (!speech.voiced) return { from: 0, to: Math.round(speech.duration * sampleRate) };
  const from = Math.max(0, speech.voiced.start - margin);
  const to = Math.min(speech.duration, speech.voiced.end + margin);
  return { from: Math.floor(from * sampleRate), to: Math.ceil(to * sampleRate) };
}
