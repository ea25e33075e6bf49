/**
 * Translation units: every Vietnamese text of a document, one unit per string or per Portable
 * Text paragraph, with its current translation in one language. The exports write them, the
 * import reads them back and `applyUnit` writes a translation into the document.
 */
import { sourceLocale } from '../../i18n/locales.ts';
import { glossaryLine, glossaryMatches, type GlossaryTerm } from '../glossary.ts';
import { isOutdated } from '../sourceHash.ts';
import { hasText, localizedTextTypes, translationStatus } from '../translation.ts';
import { blockToSegment, segmentText, segmentToBlock, type Block, type SegmentPart } from './segments.ts';

/** A step of a field path: a property, or an array item by `_key` (by index when it has none). */
export type PathStep = string | { readonly key: string } | { readonly index: number };

/** One text to translate. */
export interface TranslationUnit {
  /** `<document id>|<field>`, e.g. `material-fake-jobs|slides[slide1].body[b1]`. */
  readonly id: string;
  readonly documentId: string;
  /** The field, e.g. `slides[slide1].body[b1]`: the paragraph with key `b1` of slide `slide1`'s body. */
  readonly field: string;
  readonly kind: 'string' | 'text' | 'block';
  readonly source: SegmentPart[];
  /** The translation in the document now; empty when there is none. */
  readonly target: SegmentPart[];
  /** The document's translation status in the language, or `outdated`. */
  readonly status: string;
  /** For the translator: which document and field this is. */
  readonly context: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A path as text: `slides[slide1].body[b1]` (array items by key, `[3]` by index without one). */
export function formatPath(steps: readonly PathStep[]): string {
  return steps.reduce<string>((text, step) => {
    if (typeof step === 'string') return text === '' ? step : `${text}.${step}`;
    return 'key' in step ? `${text}[${step.key}]` : `${text}[${step.index}]`;
  }, '');
}

/** The text form back to steps; undefined for text that is no path. */
export function parsePath(text: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  const pattern = /([A-Za-z][\w]*)|\[([^\]]+)\]|(\.)/gy;
  let match: RegExpExecArray | null;
  let position = 0;
  while (position < text.length && (match = pattern.exec(text))) {
    position = pattern.lastIndex;
    if (match[1]) steps.push(match[1]);
    else if (match[2]) steps.push(/^\d+$/.test(match[2]) ? { index: Number(match[2]) } : { key: match[2] });
  }
  return position === text.length && steps.length > 0 ? steps : undefined;
}

/** The Sanity patch path of a step list: `slides[_key=="slide1"].body`. */
export function sanityPath(steps: readonly PathStep[]): string {
  return steps.reduce<string>((text, step) => {
    if (typeof step === 'string') return text === '' ? step : `${text}.${step}`;
    return 'key' in step ? `${text}[_key==${JSON.stringify(step.key)}]` : `${text}[${step.index}]`;
  }, '');
}

/** The value at `steps` in `value`, or undefined. */
export function valueAt(value: unknown, steps: readonly PathStep[]): unknown {
  let current = value;
  for (const step of steps) {
    if (typeof step === 'string') current = isRecord(current) ? current[step] : undefined;
    else if (!Array.isArray(current)) return undefined;
    else
      current =
        'key' in step ? current.find((item) => isRecord(item) && item['_key'] === step.key) : current[step.index];
  }
  return current;
}

/** The localized text fields of a document with their paths, in document order. */
export function localizedFields(
  value: unknown,
  steps: PathStep[] = [],
): { steps: PathStep[]; field: Record<string, unknown> }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      localizedFields(item, [
        ...steps,
        isRecord(item) && typeof item['_key'] === 'string' ? { key: item['_key'] } : { index },
      ]),
    );
  }
  if (!isRecord(value) || '_ref' in value) return [];
  if (typeof value['_type'] === 'string' && localizedTextTypes.has(value['_type'])) return [{ steps, field: value }];
  return Object.entries(value)
    .filter(([key]) => !key.startsWith('_') && key !== 'translations')
    .flatMap(([key, child]) => localizedFields(child, [...steps, key]));
}

/**
 * The target blocks that stand for each source block: by `_key` when the translation's keys are
 * the source's (as the import writes them), else by position (a translation typed in the Studio).
 */
function alignedBlocks(source: readonly Block[], target: readonly Block[]): (Block | undefined)[] {
  const sourceKeys = new Set(source.map((block) => block._key));
  const byKey = target.length > 0 && target.every((block) => block._key !== undefined && sourceKeys.has(block._key));
  return source.map((block, index) =>
    byKey ? target.find((candidate) => candidate._key === block._key) : target[index],
  );
}

/**
 * A target block's segment with the source's placeholder ids: each marked run takes the id of the
 * source run with the same marks (first unused), so an unchanged translation exports as it imports.
 */
function targetSegment(source: Block, target: Block | undefined): SegmentPart[] {
  if (!target) return [];
  const sourceMarks = Object.entries(blockToSegment(source).marks);
  const { parts, marks } = blockToSegment(target);
  const used = new Set<string>();
  return parts.map((part) => {
    if (typeof part === 'string') return part;
    const wanted = JSON.stringify(marks[part.id]);
    const match = sourceMarks.find(([id, value]) => !used.has(id) && JSON.stringify(value) === wanted);
    if (match) used.add(match[0]);
    return { id: match ? match[0] : `x${part.id}`, text: part.text };
  });
}

const kinds: Record<string, TranslationUnit['kind']> = {
  localeString: 'string',
  localeText: 'text',
  localeBlockContent: 'block',
};

const kindHints: Record<TranslationUnit['kind'], string> = {
  string: 'one line',
  text: 'plain text, line breaks kept',
  block: 'one paragraph; keep each numbered tag ({1}…{/1} or <g id="1">) around the words it marks',
};

function documentTitle(document: Record<string, unknown>): string {
  for (const name of ['title', 'name']) {
    const field = document[name];
    if (isRecord(field) && typeof field[sourceLocale] === 'string') return field[sourceLocale];
  }
  return String(document['_id']);
}

/**
 * Every unit of `document` in `lang`, in document order; the context names the glossary terms
 * its Vietnamese contains.
 */
export function documentUnits(
  document: Record<string, unknown>,
  lang: string,
  glossary: readonly GlossaryTerm[] = [],
): TranslationUnit[] {
  const documentId = String(document['_id']);
  const status = isOutdated(document, lang) ? 'outdated' : (translationStatus(document, lang) ?? 'missing');
  const about = `${String(document['_type'])} “${documentTitle(document)}”`;
  const units: TranslationUnit[] = [];
  for (const { steps, field } of localizedFields(document)) {
    const kind = kinds[String(field['_type'])]!;
    const unit = (path: PathStep[], source: SegmentPart[], target: SegmentPart[]) => {
      const text = formatPath(path);
      const terms = glossaryLine(glossaryMatches(segmentText(source), glossary), lang);
      const context = `${about} · ${text} · ${kindHints[kind]}${terms ? ` · ${terms}` : ''}`;
      units.push({ id: `${documentId}|${text}`, documentId, field: text, kind, source, target, status, context });
    };
    const source = field[sourceLocale];
    if (kind !== 'block') {
      if (typeof source === 'string' && hasText(source)) {
        const target = field[lang];
        unit(steps, [source], typeof target === 'string' && target !== '' ? [target] : []);
      }
      continue;
    }
    if (!Array.isArray(source)) continue;
    const blocks = source.filter((block): block is Block => isRecord(block) && block['_type'] === 'block');
    const targets = alignedBlocks(blocks, Array.isArray(field[lang]) ? (field[lang] as Block[]).filter(isRecord) : []);
    blocks.forEach((block, index) => {
      const parts = blockToSegment(block).parts;
      if (!hasText(segmentText(parts))) return;
      const at = block._key !== undefined ? { key: block._key } : { index };
      unit([...steps, at], parts, targetSegment(block, targets[index]));
    });
  }
  return units;
}

/**
 * Writes a translation into a copy of `document`: the text for a string, or the paragraph for
 * Portable Text (the other paragraphs of the translation are kept, aligned to the Vietnamese).
 * Returns the field path (up to the localized object) and its new value in `lang`.
 */
export function applyUnit(
  document: Record<string, unknown>,
  unit: Pick<TranslationUnit, 'field' | 'kind'>,
  lang: string,
  target: readonly SegmentPart[],
): { steps: PathStep[]; value: unknown } {
  const steps = parsePath(unit.field)!;
  const fieldSteps = unit.kind === 'block' ? steps.slice(0, -1) : steps;
  const field = valueAt(document, fieldSteps) as Record<string, unknown>;
  if (unit.kind !== 'block') {
    field[lang] = segmentText(target);
    return { steps: fieldSteps, value: field[lang] };
  }
  const blockStep = steps[steps.length - 1]!;
  const sourceBlocks = (field[sourceLocale] as Block[]).filter((block) => block._type === 'block');
  const current = Array.isArray(field[lang]) ? (field[lang] as Block[]).filter(isRecord) : [];
  const aligned = alignedBlocks(sourceBlocks, current);
  const next: Block[] = [];
  sourceBlocks.forEach((block, index) => {
    const isUnit =
      typeof blockStep === 'object' && ('key' in blockStep ? block._key === blockStep.key : index === blockStep.index);
    const kept = aligned[index];
    if (isUnit) next.push(segmentToBlock(block, target));
    else if (kept) next.push(block._key === undefined ? kept : { ...kept, _key: block._key });
  });
  // Paragraphs of the translation that match no Vietnamese paragraph are kept at the end, never dropped.
  const placed = new Set(aligned.filter(Boolean));
  next.push(...current.filter((block) => !placed.has(block)));
  field[lang] = next;
  return { steps: fieldSteps, value: next };
}
