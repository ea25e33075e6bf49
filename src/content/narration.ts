/**
 * Narration by sentence (read-along): the sentences a slide's narration speaks, the check that a
 * clip's timings fit them, and the marks that let the page highlight each sentence.
 *
 * A slide is narrated as its heading, then each paragraph or list item of its body, each split by
 * `sentenceRanges` (src/content/sentences.ts). A clip's `sentences` hold one start and end (seconds)
 * per sentence, in that order. Timings that do not fit the text (a sentence added after the
 * recording, an end before its start) switch read-along off for that clip rather than highlight
 * the wrong sentence: drifting highlights are what teachers complain of in other tools.
 */
import { sentenceRanges } from './sentences.ts';

export interface SentenceTiming {
  start: number;
  end: number;
}

type Block = Record<string, unknown>;
type Span = { _type?: string; text?: string; marks?: string[] } & Record<string, unknown>;

const spansOf = (block: Block): Span[] => (Array.isArray(block['children']) ? (block['children'] as Span[]) : []);
const blockText = (block: Block): string =>
  spansOf(block)
    .map((span) => (typeof span.text === 'string' ? span.text : ''))
    .join('');

/** The sentences of a slide's narration, in the order it is read. */
export function slideSentences(heading: string, body: readonly Block[] | undefined): string[] {
  const texts = [heading, ...(body ?? []).map(blockText)];
  return texts.flatMap((text) => sentenceRanges(text).map(({ start, end }) => text.slice(start, end)));
}

/**
 * The timings when they fit `count` sentences: one per sentence, each within the clip (starting at
 * or after 0, ending after it starts), in order, none starting before the one before it ends.
 * Otherwise undefined (no read-along).
 */
export function fittingTimings(
  timings: readonly { start?: number | null | undefined; end?: number | null | undefined }[] | null | undefined,
  count: number,
): SentenceTiming[] | undefined {
  if (!timings || count === 0 || timings.length !== count) return undefined;
  const out: SentenceTiming[] = [];
  for (const { start, end } of timings) {
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isFinite(start) || !Number.isFinite(end))
      return undefined;
    if (start < 0 || end <= start) return undefined;
    // A sentence starting before the previous one ends would keep the previous one lit.
    const previous = out.at(-1);
    if (previous && start < previous.end) return undefined;
    out.push({ start, end });
  }
  return out;
}

/** The mark name of sentence `index` in marked blocks (see `markSentences`). */
export const sentenceMark = (index: number): string => `readalong-${index}`;

/**
 * The heading's sentence ranges and a copy of the body in which every piece of text carries the
 * mark of its sentence (spans are cut where a sentence ends), numbered after the heading's.
 */
export function markSentences(heading: string, body: readonly Block[] | undefined) {
  const headingRanges = sentenceRanges(heading);
  let next = headingRanges.length;
  const blocks = (body ?? []).map((block) => {
    const text = blockText(block);
    const ranges = sentenceRanges(text);
    const first = next;
    next += ranges.length;
    const children: Span[] = [];
    let offset = 0;
    for (const span of spansOf(block)) {
      const spanText = typeof span.text === 'string' ? span.text : '';
      const spanStart = offset;
      offset += spanText.length;
      if (!spanText) {
        children.push(span);
        continue;
      }
      // Cut the span where a sentence starts; a piece between sentences (spaces) keeps no mark.
      const cuts = new Set([0, spanText.length]);
      for (const { start, end } of ranges) {
        for (const at of [start, end]) if (at > spanStart && at < offset) cuts.add(at - spanStart);
      }
      const points = [...cuts].sort((a, b) => a - b);
      for (let i = 0; i < points.length - 1; i += 1) {
        const from = points[i]!;
        const to = points[i + 1]!;
        const at = spanStart + from;
        const sentence = ranges.findIndex(({ start, end }) => at >= start && at < end);
        const marks = [...(span.marks ?? []), ...(sentence >= 0 ? [sentenceMark(first + sentence)] : [])];
        children.push({
          ...span,
          _key: `${typeof span['_key'] === 'string' ? span['_key'] : 's'}-${i}`,
          text: spanText.slice(from, to),
          marks,
        });
      }
    }
    return { ...block, children };
  });
  return { headingRanges, blocks, count: next };
}
