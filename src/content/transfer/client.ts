/**
 * The Sanity client of `content:export` and `content:import`, from the same variables as the
 * site's content source (src/content/env.ts). Without a project, each command says what to set
 * instead of failing on a request to nowhere.
 */
import { createClient, type SanityClient } from '@sanity/client';
import { readContentEnv } from '../env.ts';

/** A setting the command cannot run without; the message says what to set and where. */
export class TransferSetupError extends Error {
  override name = 'TransferSetupError';
}

const projectHelp =
  'Set SANITY_PROJECT_ID (and SANITY_DATASET if it is not "production") to the project at sanity.io/manage, e.g.\n' +
  '  SANITY_PROJECT_ID=abc123 SANITY_DATASET=production';

/**
 * A client for the configured project. `needsToken` for writes: an import creates documents and
 * uploads files, which only a token with Editor rights may do.
 */
export function createTransferClient(
  command: 'content:export' | 'content:import' | 'translations -- import',
  env: Record<string, string | undefined> = process.env,
): SanityClient {
  const settings = readContentEnv(env);
  if (!settings.SANITY_PROJECT_ID) {
    throw new TransferSetupError(`npm run ${command} needs a Sanity project, and none is configured.\n${projectHelp}`);
  }
  if (command !== 'content:export' && !settings.SANITY_TOKEN) {
    throw new TransferSetupError(
      `npm run ${command} writes to the project and needs SANITY_TOKEN: a token with Editor rights ` +
        `(sanity.io/manage → project ${settings.SANITY_PROJECT_ID} → API → Tokens).`,
    );
  }
  return createClient({
    projectId: settings.SANITY_PROJECT_ID,
    dataset: settings.SANITY_DATASET,
    apiVersion: settings.SANITY_API_VERSION,
    perspective: 'published',
    useCdn: false,
    ...(settings.SANITY_TOKEN ? { token: settings.SANITY_TOKEN } : {}),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- without it the client sends to <projectId>.<apiHost>, not to apiHost itself (a stand-in or proxy)
    ...(settings.SANITY_API_HOST ? { apiHost: settings.SANITY_API_HOST, useProjectHostname: false } : {}),
  });
}
