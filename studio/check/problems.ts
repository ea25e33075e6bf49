/** What `content:check` reports, and how a Sanity validation path is written for a person. */

/** One problem, named by document and field so it can be found in the Studio or the file. */
export interface DatasetProblem {
  /** Document id, or `line N` when the line is not a document at all. */
  readonly id: string;
  /** Field path in the document, e.g. `slides[2].heading`; empty for the whole document. */
  readonly field: string;
  /** `error` blocks publishing in the Studio and fails the check; `warning` is advice. */
  readonly level: 'error' | 'warning';
  readonly message: string;
}

/** A path segment as Sanity's validation markers give it. */
export type PathSegment = string | number | { _key: string } | [number | '', number | ''];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * A marker's path written the way the rest of the project writes paths (the translation
 * rule's messages, `missingTranslations`): array members by index, counted from 0.
 *
 * @example
 * formatPath(['slides', { _key: 'b' }, 'heading'], { slides: [{ _key: 'a' }, { _key: 'b' }] });
 * // 'slides[1].heading'
 */
export function formatPath(path: readonly PathSegment[], document: unknown): string {
  let value: unknown = document;
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'string') {
      text += text === '' ? segment : `.${segment}`;
      value = isRecord(value) ? value[segment] : undefined;
    } else if (typeof segment === 'number') {
      text += `[${segment}]`;
      value = Array.isArray(value) ? value[segment] : undefined;
    } else if (Array.isArray(segment)) {
      text += `[${segment[0]}:${segment[1]}]`;
      value = undefined;
    } else {
      const index = Array.isArray(value)
        ? value.findIndex((item) => isRecord(item) && item['_key'] === segment._key)
        : -1;
      text += index >= 0 ? `[${index}]` : `[_key=="${segment._key}"]`;
      value = Array.isArray(value) ? value[index] : undefined;
    }
  }
  return text;
}

/** Problems in a stable order, each once: a rule that fires twice on one field says one thing. */
export function uniqueProblems(problems: readonly DatasetProblem[]): DatasetProblem[] {
  const seen = new Map<string, DatasetProblem>();
  for (const problem of problems) {
    const key = JSON.stringify([problem.id, problem.field, problem.level, problem.message]);
    if (!seen.has(key)) seen.set(key, problem);
  }
  return [...seen.values()];
}

/** One line per problem: `error  material-x  slides[2].heading: message`. */
export function formatProblem(problem: DatasetProblem): string {
  const where = problem.field === '' ? problem.id : `${problem.id}  ${problem.field}`;
  return `${problem.level.padEnd(7)}  ${where}: ${problem.message}`;
}
