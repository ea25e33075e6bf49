/**
 * `npm run content:export [-- --out <folder>]`: writes the configured project's published content
 * into studio/dataset/ (or <folder>) in Sanity's export format, replacing data.ndjson, images/
 * and files/. Needs SANITY_PROJECT_ID (and SANITY_TOKEN for a private dataset).
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createTransferClient, TransferSetupError } from '../src/content/transfer/client.ts';
import { exportDataset } from '../src/content/transfer/exportDataset.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'studio/dataset' } } });
const folder = resolve(values.out);

try {
  const client = createTransferClient('content:export');
  const { projectId, dataset } = client.config();
  const summary = await exportDataset(client, folder);
  console.log(
    `Exported ${summary.documents} published documents, ${summary.images} image(s) and ${summary.files} file(s) ` +
      `from ${String(projectId)}/${String(dataset)} into ${relative(process.cwd(), folder) || '.'}.`,
  );
  console.log(`Check it offline with: npm run content:check -- ${relative(process.cwd(), folder) || '.'}`);
} catch (error) {
  console.error(
    error instanceof TransferSetupError ? error.message : `content:export failed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
}
