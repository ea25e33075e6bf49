/**
 * Sentence splitting for narration (read-along): one rule for every script of the site, run on
 * the server when a page is built, so the page and the recorded timings count the same sentences.
 *
 * A sentence ends at `.`, `!`, `?`, `…` or the Tai Viet KOI KOI `꫟` (U+AADF), with any closing
 * quotes or brackets after it, when whitespace or the end of the text follows. A paragraph's end
 * always ends a sentence. Not an end: a full stop inside a number (`15.000`), and the few
 * abbreviations below. Letters are never looked at, so Vietnamese diacritics, the tone letters
 * at the end of Hmong and Dao syllables (`lus.`, `sou.`) and Tai Viet (which has no case) all split
 * the same way. `Intl.Segmenter` is not used: Node's and the browser's ICU differ, and ICU keeps
 * `. ` before a lower-case word in one sentence.
 */

/** A sentence as character offsets into the text: `text.slice(start, end)`, trimmed. */
export interface SentenceRange {
  start: number;
  end: number;
}

const terminators = '.!?…\uAADF';
const closers = '"\'”’»)]）」';
/** Abbreviations whose full stop does not end a sentence (lower-cased, without the stop). */
const abbreviations = new Set(['tp', 'mr', 'mrs', 'ms', 'dr', 'st', 'e.g', 'i.e', 'ths', 'ts']);

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/u.test(char);
}

/** The word just before `index` (the position of a full stop), lower-cased. */
function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !isSpace(text[start - 1])) start -= 1;
  return text
    .slice(start, index)
    .toLowerCase()
    .replace(/^["'“‘«([]+/u, '');
}

/** The sentences of one paragraph, as ranges. Blank text has none. */
export function sentenceRanges(text: string): SentenceRange[] {
  const ranges: SentenceRange[] = [];
  let start = 0;
  const push = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && isSpace(text[from])) from += 1;
    while (to > from && isSpace(text[to - 1])) to -= 1;
    if (to > from) ranges.push({ start: from, end: to });
    start = end;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (!terminators.includes(char)) continue;
    let end = i + 1;
    while (end < text.length && terminators.includes(text[end]!)) end += 1;
    while (end < text.length && closers.includes(text[end]!)) end += 1;
    if (end < text.length && !isSpace(text[end])) continue;
    if (char === '.' && end === i + 1 && abbreviations.has(wordBefore(text, i))) continue;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return ranges;
}

/** The sentences of one paragraph, as text. */
export function splitSentences(text: string): string[] {
  return sentenceRanges(text).map(({ start, end }) => text.slice(start, end));
}
