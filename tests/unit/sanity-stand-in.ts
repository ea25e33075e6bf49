/**
 * A local stand-in for the Sanity API, enough for @sanity/client's queries, mutations and asset
 * uploads: a node:http server over documents in memory, queried with groq-js. Point a client at
 * it with SANITY_API_HOST. This is the HTTP edge the project's tests may replace; nothing behind
 * it (the client, the export format, the check) is stood in for.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Mutation } from '@sanity/mutator';
import { evaluate, parse } from 'groq-js';

type Document = Record<string, unknown> & { _id: string; _type: string };

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
}

export interface SanityStandIn {
  /** For SANITY_API_HOST, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly documents: Map<string, Document>;
  readonly requests: RecordedRequest[];
  /** `patch` mutations as the client sent them: recorded, not applied (no patch engine here). */
  readonly patches: Record<string, unknown>[];
  /**
   * Document actions as the Studio sent them (`/data/actions`: edits, publishing), recorded. An
   * edit is applied to the document's draft (made from the published document if there is none),
   * with Sanity's own patch engine (@sanity/mutator), so that a reloaded Studio shows it; other
   * actions are answered, not applied.
   */
  readonly actions: Record<string, unknown>[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Width and height of a PNG, as Sanity puts them into an image asset's id; 1×1 for anything else. */
function pngSize(bytes: Buffer): [number, number] {
  return bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47
    ? [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
    : [1, 1];
}

/**
 * The Studio's document lists search with `text::query`, which groq-js does not implement; with
 * nothing typed in the search box (`*`) the search matches every document, so it is written out
 * as `true`. Any other search fails, as the stand-in cannot answer it.
 */
function withoutEmptySearch(text: string, params: Record<string, unknown>): string {
  return params['__query'] === '*' ? text.replace('[@, _id] match text::query($__query)', 'true') : text;
}

export async function startSanityStandIn(
  options: { readOnly?: boolean; documents?: Document[] } = {},
): Promise<SanityStandIn> {
  const documents = new Map((options.documents ?? []).map((document) => [document._id, document]));
  const files = new Map<string, { bytes: Buffer; mimeType: string | undefined }>();
  const requests: RecordedRequest[] = [];
  const patches: Record<string, unknown>[] = [];
  const actions: Record<string, unknown>[] = [];
  let base = '';

  async function query(text: string, params: Record<string, unknown>, perspective: string | null) {
    const all = [...documents.values()];
    const dataset = perspective === 'raw' ? all : all.filter((document) => !document._id.startsWith('drafts.'));
    const result: unknown = await (
      await evaluate(parse(withoutEmptySearch(text, params), { params }), { dataset, params })
    ).get();
    return result;
  }

  function upload(kind: 'images' | 'files', bytes: Buffer, filename: string, mimeType: string | undefined): Document {
    const sha1 = createHash('sha1').update(bytes).digest('hex');
    const extension = filename.split('.').pop() ?? 'bin';
    const [width, height] = pngSize(bytes);
    const name = kind === 'images' ? `${sha1}-${width}x${height}` : sha1;
    const id = `${kind === 'images' ? 'image' : 'file'}-${name}-${extension}`;
    const path = `/${kind}/stand-in/production/${name}.${extension}`;
    files.set(path, { bytes, mimeType });
    const asset = {
      _id: id,
      _type: kind === 'images' ? 'sanity.imageAsset' : 'sanity.fileAsset',
      url: `${base}${path}`,
      extension,
      originalFilename: filename,
      sha1hash: sha1,
      size: bytes.length,
      ...(mimeType ? { mimeType } : {}),
    };
    documents.set(id, asset);
    return asset;
  }

  function mutate(mutations: Record<string, Document>[]) {
    return mutations.map((mutation) => {
      const [operation, value] = Object.entries(mutation)[0] ?? [];
      if (operation === 'delete') {
        documents.delete((value as unknown as { id: string }).id);
        return { id: (value as unknown as { id: string }).id, operation: 'delete' };
      }
      if (operation === 'patch' && value) {
        patches.push(value);
        return { id: (value as unknown as { id: string }).id, operation: 'update' };
      }
      if (!value || !['create', 'createOrReplace', 'createIfNotExists'].includes(operation ?? ''))
        throw new Error(`unsupported mutation ${String(operation)}`);
      if (!(operation === 'createIfNotExists' && documents.has(value._id))) documents.set(value._id, value);
      return { id: value._id, operation: 'create' };
    });
  }

  /** A document edit, as Sanity's API applies it: to the draft, made from the published document if need be. */
  function edit(action: Record<string, unknown>) {
    const { draftId, publishedId, patch } = action as { draftId?: string; publishedId?: string; patch?: object };
    if (action['actionType'] !== 'sanity.action.document.edit' || !draftId || !publishedId || !patch) return;
    const published = documents.get(publishedId);
    const before = documents.get(draftId) ?? (published ? { ...published, _id: draftId } : undefined);
    if (!before) return;
    const after = new Mutation({ mutations: [{ patch: { ...patch, id: draftId } }] }).apply(before);
    // As Sanity stamps every write (the Studio shows "edited … ago" from `_updatedAt`).
    const now = new Date().toISOString();
    if (after)
      documents.set(draftId, { _createdAt: now, ...after, _updatedAt: now, _rev: `rev-${String(requests.length)}` });
  }

  const server = createServer((request, response) => void answer(request, response));
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', base);
    requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      authorization: request.headers.authorization,
    });
    try {
      const file = files.get(url.pathname);
      if (file) {
        // As Sanity's CDN: the type it was uploaded with, readable from any origin.
        response
          .writeHead(200, {
            'access-control-allow-origin': '*',
            ...(file.mimeType ? { 'content-type': file.mimeType } : {}),
          })
          .end(file.bytes);
        return;
      }
      const byId = /^\/v[\d-]+\/data\/doc\/[\w-]+\/(.+)$/.exec(url.pathname);
      if (byId?.[1]) {
        const ids = decodeURIComponent(byId[1]).split(',');
        const found = ids.flatMap((id) => (documents.has(id) ? [documents.get(id)] : []));
        send(response, 200, {
          documents: found,
          omitted: ids.filter((id) => !documents.has(id)).map((id) => ({ id, reason: 'existence' })),
        });
        return;
      }
      const api = /^\/v[\d-]+\/(data\/query|data\/mutate|data\/actions|assets\/images|assets\/files)\/[\w-]+$/.exec(
        url.pathname,
      );
      if (!api) {
        send(response, 404, { error: 'Not found', message: `The stand-in has no ${url.pathname}` });
        return;
      }
      const endpoint = api[1];
      if (endpoint === 'data/query') {
        const body =
          request.method === 'POST'
            ? (JSON.parse((await readBody(request)).toString('utf8')) as {
                query?: string;
                params?: Record<string, unknown>;
              })
            : undefined;
        const text = body?.query ?? url.searchParams.get('query') ?? '';
        const params: Record<string, unknown> = body?.params ?? {};
        for (const [key, value] of url.searchParams) if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value);
        send(response, 200, {
          result: await query(text, params, url.searchParams.get('perspective')),
          ms: 1,
          query: text,
        });
        return;
      }
      if (options.readOnly) {
        send(response, 403, { error: 'Forbidden', message: 'This stand-in is read-only.' });
        return;
      }
      if (endpoint === 'data/mutate') {
        const { mutations } = JSON.parse((await readBody(request)).toString('utf8')) as {
          mutations: Record<string, Document>[];
        };
        send(response, 200, { transactionId: `tx-${requests.length}`, results: mutate(mutations) });
        return;
      }
      if (endpoint === 'data/actions') {
        const body = JSON.parse((await readBody(request)).toString('utf8')) as { actions?: Record<string, unknown>[] };
        actions.push(...(body.actions ?? []));
        for (const action of body.actions ?? []) edit(action);
        send(response, 200, { transactionId: `tx-${requests.length}` });
        return;
      }
      const kind = endpoint === 'assets/images' ? 'images' : 'files';
      send(response, 200, {
        document: upload(
          kind,
          await readBody(request),
          url.searchParams.get('filename') ?? 'upload.bin',
          request.headers['content-type'],
        ),
      });
      return;
    } catch (error) {
      send(response, 500, { error: 'Stand-in error', message: (error as Error).message });
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    documents,
    requests,
    patches,
    actions,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
