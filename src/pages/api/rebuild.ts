/**
 * POST /api/rebuild/ `<Sanity webhook delivery>`: rebuilds the site after a publish in the Studio.
 * See src/publishing/README.md; set SANITY_WEBHOOK_SECRET and REBUILD_COMMAND to turn it on.
 */
import type { APIRoute } from 'astro';
import { readPublishingEnv } from '../../publishing/env.ts';
import { createRebuildHandler } from '../../publishing/handler.ts';
import { createRebuildQueue } from '../../publishing/rebuild.ts';
import { createWebhookVerifier } from '../../publishing/webhook.ts';
import { apiError } from '../../sessions/http.ts';
import { sessionStore } from '../../sessions/server.ts';

export const prerender = false;

/** One handler per server process: the build queue must be shared; the replay memory is the session store. */
let handler: ((request: Request) => Promise<Response>) | undefined;

export const POST: APIRoute = async ({ request }) => {
  if (!handler) {
    let env;
    try {
      env = readPublishingEnv();
    } catch (error) {
      return apiError(503, 'notConfigured', (error as Error).message);
    }
    if (!env.SANITY_WEBHOOK_SECRET || !env.REBUILD_COMMAND) {
      return apiError(
        503,
        'notConfigured',
        'Publishing is off: set SANITY_WEBHOOK_SECRET and REBUILD_COMMAND on the server.',
      );
    }
    handler = createRebuildHandler({
      verifier: createWebhookVerifier(env.SANITY_WEBHOOK_SECRET, Date.now, await sessionStore()),
      queue: createRebuildQueue({ command: env.REBUILD_COMMAND }),
    });
  }
  return handler(request);
};
