/**
 * POST /api/rebuild/: Sanity's webhook calls it when content is published. A verified delivery
 * starts (or queues) a rebuild and is answered 202 at once; the build runs after the answer, so
 * Sanity does not time out and retry while the site builds.
 *
 * Not behind the Origin check of the other API routes: a webhook is a server-to-server call with
 * no Origin, and its signature is a stronger proof than an Origin header.
 */
import { apiError, deliveryLimit, json } from '../sessions/http.ts';
import type { RebuildQueue } from './rebuild.ts';
import type { WebhookVerifier } from './webhook.ts';

export { deliveryLimit };

export interface RebuildHandlerParts {
  readonly verifier: WebhookVerifier;
  readonly queue: RebuildQueue;
}

/**
 * The body as text, read as a stream and dropped past the limit whatever Content-Length says;
 * undefined when too large (a marker string could be a body's own text).
 */
async function readText(request: Request): Promise<string | undefined> {
  if (Number(request.headers.get('content-length')) > deliveryLimit) return undefined;
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > deliveryLimit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createRebuildHandler({ verifier, queue }: RebuildHandlerParts) {
  return async (request: Request): Promise<Response> => {
    const body = await readText(request);
    if (body === undefined) return apiError(413, 'bodyTooLarge', 'The delivery is larger than 1 MB.');
    const verdict = await verifier.verify(body, request.headers);
    if (!verdict.ok) return apiError(verdict.status, verdict.error, verdict.message);
    const status = queue.request();
    return json(202, {
      status,
      message: status === 'started' ? 'A rebuild has started.' : 'A rebuild is running; one more will follow it.',
    });
  };
}
