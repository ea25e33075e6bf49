/**
 * `npm run content:import [-- <folder>]`: loads studio/dataset/ (or <folder>) into the configured
 * project, after `content:check` finds no error in it. Needs SANITY_PROJECT_ID and SANITY_TOKEN
 * (a token with Editor rights). Existing documents with the same ids are replaced.
 */
import { relative, resolve } from 'node:path';
import { checkDataset } from '../studio/check/checkDataset.ts';
import { formatProblem } from '../studio/check/problems.ts';
import { createTransferClient, TransferSetupError } from '../src/content/transfer/client.ts';
import { importDataset } from '../src/content/transfer/importDataset.ts';

const folder = resolve(process.argv[2] ?? 'studio/dataset');
const shown = relative(process.cwd(), folder) || '.';

try {
  const client = createTransferClient('content:import');
  const errors = (await checkDataset(folder)).problems.filter((problem) => problem.level === 'error');
  if (errors.length > 0) {
    for (const problem of errors) console.error(formatProblem(problem));
    throw new TransferSetupError(
      `${shown} has ${errors.length} error(s); nothing was imported. Fix them (npm run content:check -- ${shown}) and try again.`,
    );
  }
  const { projectId, dataset } = client.config();
  const summary = await importDataset(client, folder);
  console.log(
    `Imported ${summary.documents} documents and ${summary.assets} file(s) from ${shown} into ${String(projectId)}/${String(dataset)}.`,
  );
} catch (error) {
  console.error(
    error instanceof TransferSetupError ? error.message : `content:import failed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
}
