/**
 * The checks every JSON API request passes before its route looks at it, in this order: Origin,
 * Content-Type, body size, JSON. Each failure is an answer, never an exception: bad input must
 * never become a 5xx. Errors are JSON `{ error, message }` (src/sessions/README.md).
 */

/** The largest body a route reads: a batch of 100 logs is far below it. */
export const bodyLimit = 256 * 1024;

/** A JSON answer that no cache keeps. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** An error answer: a stable code for programs and an English sentence for people. */
export function apiError(status: number, error: string, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { error, message }, headers);
}

/**
 * 403 unless the request's Origin, when present, is this server's own origin or the configured
 * site's (the address people use when a proxy in front terminates TLS). Astro's own check only
 * covers form-like content types, so a cross-site `fetch` with JSON would pass it.
 */
export function checkOrigin(request: Request, url: URL, site?: string): Response | undefined {
  const origin = request.headers.get('origin');
  if (origin === null) return undefined;
  const allowed = [url.origin, ...(site ? [new URL(site).origin] : [])];
  if (allowed.includes(origin)) return undefined;
  return apiError(403, 'foreignOrigin', `Requests from ${origin} are not accepted here.`);
}

/** The body as JSON, or the answer to give: 415 not JSON, 413 too large, 400 not parseable. */
export async function readJsonBody(request: Request): Promise<{ value: unknown } | Response> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return apiError(415, 'unsupportedMediaType', 'Send the body as application/json.');
  const bytes = await readLimited(request, bodyLimit);
  if (bytes === 'tooLarge') return apiError(413, 'bodyTooLarge', `The body is larger than ${bodyLimit / 1024} KB; send fewer logs at a time.`);
  if (bytes === 'unreadable') return apiError(400, 'unreadableBody', 'The body could not be read.');
  try {
    return { value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
  } catch {
    return apiError(400, 'invalidJson', 'The body is not valid JSON (UTF-8).');
  }
}

/**
 * Reads the body as a stream, stopping past `limit` bytes whatever Content-Length says (it may
 * lie or be absent with chunked encoding).
 */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | 'tooLarge' | 'unreadable'> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) return 'tooLarge';
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return 'tooLarge';
      }
      chunks.push(chunk.value);
    }
  } catch {
    return 'unreadable';
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
