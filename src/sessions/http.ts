/**
 * The checks every JSON API request passes before its route looks at it. The middleware
 * (src/middleware.ts) has already refused a foreign Origin and a declared body over the limit;
 * here: Content-Type, body size as read, JSON. Each failure is an answer, never an exception: bad input must
 * never become a 5xx. Errors are JSON `{ error, message }` (src/sessions/README.md).
 */

/** The largest body a route reads: a batch of 100 logs is far below it; so is a form of the reports page. */
export const bodyLimit = 256 * 1024;

/**
 * The largest upload: a webhook delivery (/api/rebuild/), far above a projection of a document, or
 * a phone's file of unsent logs (/<lang>/reports/import/, about 1,000 logs); far below what could
 * fill memory.
 */
export const deliveryLimit = 1024 * 1024;

/**
 * The node adapter's own limit (astro.config.mjs), a backstop for a route that would read without
 * one: above every route's limit, so that a route reading to its limit sees the byte past it and
 * answers 413, not the adapter's error, which read as an unreadable body (400) on the import page.
 */
export const adapterBodyLimit = 2 * deliveryLimit;

/** The most a request to `pathname` may send. */
export function bodyLimitFor(pathname: string): number {
  return pathname.startsWith('/api/rebuild') || /^\/[^/]+\/reports\/import\/?$/.test(pathname)
    ? deliveryLimit
    : bodyLimit;
}

/** A JSON answer that no cache keeps. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** An error answer: a stable code for programs and an English sentence for people. */
export function apiError(
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return json(status, { error, message }, headers);
}

/** The body as JSON, or the answer to give: 415 not JSON, 413 too large, 400 not parseable. */
export async function readJsonBody(request: Request): Promise<{ value: unknown } | Response> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json')
    return apiError(415, 'unsupportedMediaType', 'Send the body as application/json.', { Connection: 'close' });
  const bytes = await readLimited(request, bodyLimit);
  if (bytes === 'tooLarge')
    return apiError(413, 'bodyTooLarge', `The body is larger than ${bodyLimit / 1024} KB; send fewer logs at a time.`);
  if (bytes === 'unreadable') return apiError(400, 'unreadableBody', 'The body could not be read.');
  try {
    return { value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
  } catch {
    return apiError(400, 'invalidJson', 'The body is not valid JSON (UTF-8).');
  }
}

/**
 * The fields of a form post (`application/x-www-form-urlencoded`, what a `<form method="post">`
 * sends), or the answer to give: 415 another type, 413 too large. The type is checked before a
 * byte is read, and at most `bodyLimit` bytes are read.
 */
export async function readFormBody(request: Request): Promise<URLSearchParams | Response> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded')
    return apiError(415, 'unsupportedMediaType', 'Send the form as application/x-www-form-urlencoded.', {
      Connection: 'close',
    });
  const bytes = await readLimited(request, bodyLimit);
  if (bytes === 'tooLarge')
    return apiError(413, 'bodyTooLarge', `The body is larger than ${bodyLimit / 1024} KB.`, { Connection: 'close' });
  if (bytes === 'unreadable') return apiError(400, 'unreadableBody', 'The body could not be read.');
  return new URLSearchParams(new TextDecoder().decode(bytes));
}

/**
 * The parts of a file upload (`multipart/form-data`), or the answer to give: 415 another type, 413
 * past `deliveryLimit` (at most that many bytes are read), 400 unreadable.
 */
export async function readMultipartBody(request: Request): Promise<FormData | Response> {
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType.split(';')[0]?.trim().toLowerCase() !== 'multipart/form-data')
    return apiError(415, 'unsupportedMediaType', 'Send the file as multipart/form-data.', { Connection: 'close' });
  const bytes = await readLimited(request, deliveryLimit);
  if (bytes === 'tooLarge')
    return apiError(413, 'bodyTooLarge', `The file is larger than ${deliveryLimit / 1024 / 1024} MB.`, {
      Connection: 'close',
    });
  if (bytes === 'unreadable') return apiError(400, 'unreadableBody', 'The body could not be read.');
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { 'Content-Type': contentType } })
    .formData()
    .catch(() => apiError(400, 'unreadableBody', 'The form could not be read.'));
}

/**
 * Reads the body as a stream, stopping past `limit` bytes whatever Content-Length says (it may
 * lie or be absent with chunked encoding).
 */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array | 'tooLarge' | 'unreadable'> {
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
