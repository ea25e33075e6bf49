import { describe, expect, it } from 'vitest';
import {
  bodyLimit,
  bodyLimitFor,
  deliveryLimit,
  readFormBody,
  readJsonBody,
  readLimited,
  readMultipartBody,
} from '../../src/sessions/http.ts';

/** A request whose body arrives as a stream of `chunks`, with no Content-Length (chunked). */
function streamed(type: string, chunks: readonly Uint8Array[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Request('http://localhost/', {
    method: 'POST',
    headers: { 'Content-Type': type },
    body,
    duplex: 'half',
  } as RequestInit);
}
const post = (type: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/', { method: 'POST', headers: { 'Content-Type': type, ...headers }, body });
const errorOf = async (answer: unknown) =>
  answer instanceof Response ? [answer.status, ((await answer.json()) as { error: string }).error] : answer;

describe('shared HTTP helpers of the API', () => {
  it('reads a JSON body, whatever the parameters of its type', async () => {
    expect(await readJsonBody(post('application/json; charset=utf-8', '{"a":[1]}'))).toEqual({ value: { a: [1] } });
  });

  it('refuses another type (415), a body past the limit (413, declared or streamed), invalid JSON or UTF-8 (400)', async () => {
    expect(await errorOf(await readJsonBody(post('text/plain', '{}')))).toEqual([415, 'unsupportedMediaType']);
    expect(
      await errorOf(await readJsonBody(post('application/json', '{}', { 'Content-Length': String(bodyLimit + 1) }))),
    ).toEqual([413, 'bodyTooLarge']);
    const piece = new Uint8Array(64 * 1024).fill(32);
    expect(
      await errorOf(
        await readJsonBody(
          streamed(
            'application/json',
            Array.from({ length: 5 }, () => piece),
          ),
        ),
      ),
    ).toEqual([413, 'bodyTooLarge']);
    expect(await errorOf(await readJsonBody(post('application/json', '{"a":')))).toEqual([400, 'invalidJson']);
    expect(await errorOf(await readJsonBody(post('application/json', new Uint8Array([0x22, 0xff, 0x22]))))).toEqual([
      400,
      'invalidJson',
    ]);
  });

  it('reads at most the limit of a streamed body, however much more comes', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request('http://localhost/', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await readLimited(request, 256 * 1024)).toBe('tooLarge');
    expect(pulled).toBeLessThan(8);
  });

  it('says a body that fails while read is unreadable', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.error(new Error('connection lost'));
      },
    });
    expect(
      await readLimited(
        new Request('http://localhost/', { method: 'POST', body, duplex: 'half' } as RequestInit),
        1024,
      ),
    ).toBe('unreadable');
  });

  it('reads a form post, and refuses another type (415) or one past the limit (413) before reading it', async () => {
    expect(
      (await readFormBody(post('application/x-www-form-urlencoded', 'action=revoke&id=device-1'))) as URLSearchParams,
    ).toEqual(new URLSearchParams({ action: 'revoke', id: 'device-1' }));
    expect(await errorOf(await readFormBody(post('multipart/form-data; boundary=x', '')))).toEqual([
      415,
      'unsupportedMediaType',
    ]);
    expect(
      await errorOf(
        await readFormBody(
          post('application/x-www-form-urlencoded', 'a=b', { 'Content-Length': String(bodyLimit + 1) }),
        ),
      ),
    ).toEqual([413, 'bodyTooLarge']);
  });

  it('reads a file upload up to the delivery limit, and says a broken one is unreadable', async () => {
    const upload = new FormData();
    upload.set('file', new File(['{"logs":[]}'], 'unsent-logs.json', { type: 'application/json' }));
    const parts = await readMultipartBody(new Request('http://localhost/', { method: 'POST', body: upload }));
    expect(parts instanceof FormData && (await (parts.get('file') as File).text())).toBe('{"logs":[]}');
    expect(await errorOf(await readMultipartBody(post('application/json', '{}')))).toEqual([
      415,
      'unsupportedMediaType',
    ]);
    expect(await errorOf(await readMultipartBody(post('multipart/form-data; boundary=x', 'no parts here')))).toEqual([
      400,
      'unreadableBody',
    ]);
  });

  it('gives the webhook and the import page the delivery limit, every other route the body limit', () => {
    expect([
      bodyLimitFor('/api/rebuild/'),
      bodyLimitFor('/vi/reports/import/'),
      bodyLimitFor('/thai/reports/import'),
    ]).toEqual([deliveryLimit, deliveryLimit, deliveryLimit]);
    expect([
      bodyLimitFor('/api/sessions/'),
      bodyLimitFor('/vi/reports/'),
      bodyLimitFor('/vi/reports/import/x'),
    ]).toEqual([bodyLimit, bodyLimit, bodyLimit]);
  });
});
