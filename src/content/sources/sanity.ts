/** A real Sanity project, through @sanity/client: published documents only, from the CDN. */
import { createClient } from '@sanity/client';
import type { ContentEnv } from '../env.ts';
import type { ContentSource } from '../source.ts';

/** Settings for a hosted project; SANITY_PROJECT_ID is required here. */
export type SanitySourceEnv = ContentEnv & { SANITY_PROJECT_ID: string };

export function createSanitySource(env: SanitySourceEnv): ContentSource {
  const client = createClient({
    projectId: env.SANITY_PROJECT_ID,
    dataset: env.SANITY_DATASET,
    apiVersion: env.SANITY_API_VERSION,
    perspective: 'published',
    // A token means a private dataset, which the CDN does not serve.
    useCdn: !env.SANITY_TOKEN,
    ...(env.SANITY_TOKEN ? { token: env.SANITY_TOKEN } : {}),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- without it the client sends to <projectId>.<apiHost>, not to apiHost itself (a stand-in or proxy)
    ...(env.SANITY_API_HOST ? { apiHost: env.SANITY_API_HOST, useProjectHostname: false } : {}),
  });
  return {
    description: `Sanity project ${env.SANITY_PROJECT_ID}, dataset ${env.SANITY_DATASET}`,
    fetch: (query, params = {}) => client.fetch(query, params),
    localAssetPath: () => undefined,
  };
}
