/**
 * Portable Text for translators: a block's spans become one segment of plain text and marked
 * runs. A run with marks (bold, a link) is a numbered placeholder that a translation must keep,
 * in any order: `<g id="1">` in XLIFF, `{1}…{/1}` in a spreadsheet cell. The block's style, list
 * level and link targets come from the Vietnamese block on import, so a translator cannot break them.
 */

/** Plain text, or a run that carries the marks of placeholder `id`. */
export type SegmentPart = string | { readonly id: string; readonly text: string };

/** A Portable Text span or block as stored (only what matters here). */
interface Span {
  readonly _type?: string;
  readonly _key?: string;
  readonly text?: string;
  readonly marks?: readonly string[];
}
export interface Block {
  readonly _type: string;
  readonly _key?: string;
  readonly children?: readonly Span[];
  readonly markDefs?: readonly unknown[];
  readonly [field: string]: unknown;
}

/**
 * A block's text as a segment, and the marks behind each placeholder id (numbered from 1 in the
 * order of the marked spans).
 *
 * @example
 * blockToSegment({ _type: 'block', children: [{ text: 'Gọi ' }, { text: '111', marks: ['strong'] }] });
 * // { parts: ['Gọi ', { id: '1', text: '111' }], marks: { '1': ['strong'] } }
 */
export function blockToSegment(block: Block): { parts: SegmentPart[]; marks: Record<string, readonly string[]> } {
  const parts: SegmentPart[] = [];
  const marks: Record<string, readonly string[]> = {};
  for (const span of block.children ?? []) {
    const text = span.text ?? '';
    if ((span.marks ?? []).length === 0) {
      const last = parts[parts.length - 1];
      if (typeof last === 'string') parts[parts.length - 1] = last + text;
      else parts.push(text);
      continue;
    }
    const id = String(Object.keys(marks).length + 1);
    marks[id] = span.marks ?? [];
    parts.push({ id, text });
  }
  return { parts: parts.filter((part) => part !== ''), marks };
}

/**
 * The translated block: the Vietnamese block's style, list and link definitions, with spans made
 * from the translated segment (a placeholder takes the marks it had in Vietnamese).
 */
export function segmentToBlock(source: Block, parts: readonly SegmentPart[]): Block {
  const { marks } = blockToSegment(source);
  const children = parts.map((part, index) => ({
    _type: 'span',
    _key: `${source._key ?? 'b'}t${index + 1}`,
    text: typeof part === 'string' ? part : part.text,
    marks: typeof part === 'string' ? [] : [...(marks[part.id] ?? [])],
  }));
  return {
    ...source,
    children:
      children.length > 0 ? children : [{ _type: 'span', _key: `${source._key ?? 'b'}t1`, text: '', marks: [] }],
  };
}

/** The placeholder ids of a segment, sorted, e.g. `['1', '2']`. */
export function placeholderIds(parts: readonly SegmentPart[]): string[] {
  return parts.flatMap((part) => (typeof part === 'string' ? [] : [part.id])).sort();
}

/** The segment's plain text, placeholders' text included. */
export function segmentText(parts: readonly SegmentPart[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}

/** A segment in a spreadsheet cell: `Gọi {1}111{/1} ngay.` */
export function segmentToCell(parts: readonly SegmentPart[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : `{${part.id}}${part.text}{/${part.id}}`)).join('');
}

/**
 * A spreadsheet cell back to a segment. A lone or mismatched `{n}` stays text, so that the
 * placeholder check reports it instead of it vanishing.
 */
export function cellToSegment(cell: string): SegmentPart[] {
  const parts: SegmentPart[] = [];
  const pattern = /\{(\d+)\}([\s\S]*?)\{\/\1\}/g;
  let last = 0;
  for (const match of cell.matchAll(pattern)) {
    if (match.index > last) parts.push(cell.slice(last, match.index));
    parts.push({ id: match[1]!, text: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < cell.length) parts.push(cell.slice(last));
  return parts;
}
