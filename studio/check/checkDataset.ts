/**
 * `npm run content:check`: checks an export folder offline with the Studio's own schemas and
 * Sanity's own validator, so a dataset that passes here passes in the Studio too, plus what only
 * a file can get wrong (lines that are not documents, duplicate ids, missing asset files, members
 * without a `_key`, keys that are no language, text in the wrong script: ./shape.ts), the
 * retired hotline in any text, and the drafts and release versions the site leaves out (warnings).
 */
import { createSchema, validateDocument, type SanityDocument } from 'sanity';
import { isPublishedId } from '../../src/content/published.ts';
import { schemaTypes } from '../schemaTypes/index.ts';
import { checkAssets } from './assets.ts';
import { createDatasetClient } from './datasetClient.ts';
import { formatPath, uniqueProblems, type DatasetProblem } from './problems.ts';
import { readExport, type ExportDocument } from './readExport.ts';
import { shapeProblems } from './shape.ts';
import { referenceAt, retiredHotlineProblems } from './texts.ts';

export interface DatasetReport {
  /** How many documents the file holds (lines that are not documents are not counted). */
  readonly documents: number;
  /** Every problem once, in file order. */
  readonly problems: DatasetProblem[];
}

/** Sanity's asset documents and other system types are written by Sanity, not by editors. */
const isSystemType = (type: string) => type.startsWith('sanity.') || type.startsWith('system.');

const schema = createSchema({ name: 'content-check', types: schemaTypes });

/**
 * Sanity's validator runs every document's rules, these included: required fields, the
 * Vietnamese-first and reviewed-means-complete rules, slug uniqueness (answered from the file)
 * and references to documents that do not exist (or exist only as a draft).
 */
async function validate(
  document: ExportDocument,
  all: readonly ExportDocument[],
  published: ReadonlySet<string>,
): Promise<DatasetProblem[]> {
  const client = createDatasetClient(all);
  const markers = await validateDocument({
    document: document as unknown as SanityDocument,
    // The fallback English messages: `validateDocument` uses them when the workspace has no i18n.
    workspace: { schema, getClient: () => client } as never,
    getDocumentExists: async ({ id }) => published.has(id),
    // The default environment, `studio`: in `cli` Sanity 6.16 reports every custom rule's error
    // as a warning, and this check must block what the Studio blocks.
  });
  return markers
    .filter((marker) => marker.level === 'error' || marker.level === 'warning')
    .map((marker) => {
      const field = formatPath(marker.path, document);
      // Sanity says only that the reference is not published: name the id it points to.
      const target = referenceAt(document, field);
      const dangling = target !== undefined && !published.has(target);
      return {
        id: document._id,
        field,
        level: marker.level as 'error' | 'warning',
        message: dangling
          ? `${marker.message}: it points to "${target}", which ${documentIds(all).has(target) ? 'is only a draft or a release version' : 'is not in the dataset'}.`
          : marker.message,
      };
    });
}

const documentIds = (all: readonly ExportDocument[]) => new Set(all.map((document) => document._id.split('.').at(-1)));

export async function checkDataset(folder: string): Promise<DatasetReport> {
  const { documents, problems } = readExport(folder);
  const published = new Set(documents.map((document) => document._id).filter(isPublishedId));
  const found: DatasetProblem[] = [...problems];
  for (const document of documents) {
    if (isSystemType(document._type)) continue;
    if (!isPublishedId(document._id)) {
      found.push({
        id: document._id,
        field: '',
        level: 'warning',
        message: 'Not published (a draft or a release version): the site leaves it out.',
      });
      continue;
    }
    if (!schema.get(document._type)) {
      found.push({
        id: document._id,
        field: '_type',
        level: 'error',
        message: `"${document._type}" is not a document type of the Studio.`,
      });
      continue;
    }
    found.push(
      ...checkAssets(folder, document),
      ...(await validate(document, documents, published)),
      ...retiredHotlineProblems(document),
      ...shapeProblems(document),
    );
  }
  return { documents: documents.length, problems: uniqueProblems(found) };
}
