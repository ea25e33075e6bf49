/**
 * `npm run content:check [folder]`: validates an export folder (default: CONTENT_DATASET_DIR,
 * as the build reads it, else `studio/dataset/`) offline with the Studio's rules and prints each problem once, with document id and field.
 * Exits 1 when there is an error; warnings are editorial advice and do not fail it.
 */
import { relative, resolve } from 'node:path';
import { readContentEnv } from '../src/content/env.ts';
import { checkDataset } from '../studio/check/checkDataset.ts';
import { formatProblem } from '../studio/check/problems.ts';

const folder = resolve(process.argv[2] ?? readContentEnv().CONTENT_DATASET_DIR ?? 'studio/dataset');
const started = performance.now();
const report = await checkDataset(folder);
const errors = report.problems.filter((problem) => problem.level === 'error').length;
const warnings = report.problems.length - errors;
for (const problem of report.problems) console.log(formatProblem(problem));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${relative(process.cwd(), folder) || '.'}: ${report.documents} documents, ${errors} error(s), ${warnings} warning(s) (${seconds} s).`,
);
if (errors > 0) {
  console.log('Fix the errors above (the Studio shows the same ones on these fields), then run the check again.');
  process.exitCode = 1;
}
