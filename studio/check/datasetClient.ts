/**
 * A stand-in for the Content Lake client that Sanity's validation asks questions of, answering
 * from an export folder with groq-js. Only the slug rule queries (is this slug free?), so this is
 * all `content:check` needs to run that rule offline instead of skipping it.
 */
import { evaluate, parse } from 'groq-js';

/** The part of `SanityClient` that `validateDocument` calls. */
export interface ValidationClient {
  fetch(query: string, params?: Record<string, unknown>): Promise<unknown>;
  withConfig(config?: unknown): ValidationClient;
}

/**
 * groq-js 2 has no `sanity::versionOf`, which Sanity's slug rule uses to leave out the document's
 * own draft and versions. Written out: the published id or its draft (an export holds no
 * release versions).
 */
function withoutVersionOf(query: string): string {
  return query.replaceAll('sanity::versionOf($published)', '(_id == $published || _id == "drafts." + $published)');
}

export function createDatasetClient(documents: readonly Record<string, unknown>[]): ValidationClient {
  const dataset = [...documents];
  const client: ValidationClient = {
    async fetch(query, params = {}) {
      const tree = parse(withoutVersionOf(query), { params });
      const value: unknown = await (await evaluate(tree, { dataset, params })).get();
      return value;
    },
    withConfig: () => client,
  };
  return client;
}
