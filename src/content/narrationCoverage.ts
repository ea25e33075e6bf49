/**
 * Narration coverage per language, for `npm run i18n:status`: over the published lesson packs,
 * how many slides have a narration clip in the language, and how many of the sentences of the
 * language's slide text have a timing that fits (read-along). Counted on raw documents, as the
 * translation-status report is, with the site's own sentence rule (src/content/narration.ts).
 */
import { fittingTimings, slideSentences } from './narration.ts';

export interface NarrationCoverage {
  slides: { done: number; total: number };
  sentences: { done: number; total: number };
}

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A clip is there when it points at a file: an uploaded asset or an exported one. */
const hasFile = (clip: unknown): clip is Raw =>
  isObject(clip) && (isObject(clip['asset']) || typeof clip['_sanityAsset'] === 'string');

export function narrationCoverage(documents: readonly unknown[], lang: string): NarrationCoverage {
  const coverage: NarrationCoverage = { slides: { done: 0, total: 0 }, sentences: { done: 0, total: 0 } };
  for (const document of documents) {
    if (!isObject(document) || document['_type'] !== 'material' || !Array.isArray(document['slides'])) continue;
    for (const slide of document['slides'] as unknown[]) {
      if (!isObject(slide)) continue;
      const heading =
        isObject(slide['heading']) && typeof slide['heading'][lang] === 'string' ? slide['heading'][lang] : '';
      const body =
        isObject(slide['body']) && Array.isArray(slide['body'][lang]) ? (slide['body'][lang] as Raw[]) : undefined;
      const count = slideSentences(heading, body).length;
      const clip = isObject(slide['audio']) ? slide['audio'][lang] : undefined;
      coverage.slides.total += 1;
      coverage.sentences.total += count;
      if (!hasFile(clip)) continue;
      coverage.slides.done += 1;
      const timings = Array.isArray(clip['sentences'])
        ? (clip['sentences'] as { start?: number; end?: number }[])
        : undefined;
      if (fittingTimings(timings, count)) coverage.sentences.done += count;
    }
  }
  return coverage;
}

const cell = ({ done, total }: { done: number; total: number }) =>
  `${done}/${total}`.padStart(9) + ` ${total ? Math.round((100 * done) / total) : 0}%`.padStart(5);

/** The coverage of every language as a table, one row a language. */
export function formatNarrationTable(
  rows: readonly { lang: string; name: string; coverage: NarrationCoverage }[],
): string {
  const nameWidth = Math.max(8, ...rows.map((row) => `${row.lang}  ${row.name}`.length));
  const head = ['narration'.padEnd(nameWidth), 'slides with a clip'.padStart(18), 'sentences timed'.padStart(18)].join(
    '  ',
  );
  const lines = rows.map((row) =>
    [
      `${row.lang}  ${row.name}`.padEnd(nameWidth),
      cell(row.coverage.slides).padStart(18),
      cell(row.coverage.sentences).padStart(18),
    ].join('  '),
  );
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}
