/**
 * POST /api/rebuild/: Sanity's webhook calls it when content is published. A verified delivery
 * starts (or queues) a rebuild and is answered 202 at once; the build runs after the answer, so
 * Sanity does not time out and retry while the site builds.
 *
 * Not behind the Origin check of the other API routes: a webhook is a server-to-server call with
 * no Origin, and its signature is a stronger proof than an Origin header.
 */
import { apiError, deliveryLimit, json, readLimited } from '../sessions/http.ts';
import type { RebuildQueue } from './rebuild.ts';
import type { WebhookVerifier } from './webhook.ts';

export interface RebuildHandlerParts {
  readonly verifier: WebhookVerifier;
  readonly queue: RebuildQueue;
}

export function createRebuildHandler({ verifier, queue }: RebuildHandlerParts) {
  return async (request: Request): Promise<Response> => {
    const bytes = await readLimited(request, deliveryLimit);
    if (bytes === 'tooLarge')
      return apiError(413, 'bodyTooLarge', `The delivery is larger than ${deliveryLimit / 1024 / 1024} MB.`);
    if (bytes === 'unreadable') return apiError(400, 'unreadableBody', 'The body could not be read.');
    const verdict = await verifier.verify(Buffer.from(bytes).toString('utf8'), request.headers);
    if (!verdict.ok) return apiError(verdict.status, verdict.error, verdict.message);
    const status = queue.request();
    return json(202, {
      status,
      message: status === 'started' ? 'A rebuild has started.' : 'A rebuild is running; one more will follow it.',
    });
  };
}
