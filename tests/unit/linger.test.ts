import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { withLingeringClose, type LingerBounds } from '../../src/server/linger.ts';

/**
 * A route as the node adapter runs it: reads the body (`request.body` when set, as the adapter
 * does) up to 256 KB, stops reading there and answers 413 with `Connection: close`.
 */
const refusingRoute: RequestListener = (request, response) => void refuse(request, response);

async function refuse(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body: AsyncIterable<Buffer> = (request as IncomingMessage & { body?: AsyncIterable<Buffer> }).body ?? request;
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > 256 * 1024) break;
  }
  response.writeHead(413, { 'Content-Type': 'text/plain', Connection: 'close' });
  response.end('too large');
}

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function listen(listener: RequestListener): Promise<string> {
  server = createServer(listener);
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Sends a chunked body of 64 KB pieces over a raw socket, as a browser uploading a file does (Node's
 * own client stops sending once it has a `Connection: close` answer): until the answer has come,
 * then `after` bytes more, then the body's end. Resolves with the status and the first write or
 * read error (EPIPE, ECONNRESET), if any.
 */
function uploadPastTheAnswer(url: string, after: number): Promise<{ status: number; error?: string }> {
  const { hostname, port } = new URL(url);
  const piece = Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(64 * 1024, 'a'), Buffer.from('\r\n')]);
  return new Promise((done) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let error: string | undefined;
    const status = () => Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', (problem: NodeJS.ErrnoException) => (error ??= problem.code ?? problem.message));
    socket.on('close', () => done({ status: status(), ...(error && { error }) }));
    const write = (bytes: Buffer | string) =>
      new Promise<void>((resume) => (socket.write(bytes) ? resume() : socket.once('drain', resume)));
    const send = async () => {
      await write(
        `POST /upload HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      for (let sent = 0; sent < 64 * 1024 * 1024 && !socket.destroyed && status() === 0; sent += piece.length)
        await write(piece);
      for (let more = 0; more < after && !socket.destroyed; more += piece.length) {
        await write(piece);
        // Room for the server's reset, if it sends one, to arrive before the next write.
        await new Promise((resume) => setTimeout(resume, 1));
      }
      if (!socket.destroyed) socket.end('0\r\n\r\n');
    };
    void send();
  });
}

describe('lingering close after an early answer', () => {
  it('keeps reading what the client still sends after a 413 with Connection: close, so no write of it fails', async () => {
    const url = await listen(withLingeringClose(refusingRoute));
    for (let run = 0; run < 3; run++) expect(await uploadPastTheAnswer(url, 4 * 1024 * 1024)).toEqual({ status: 413 });
  });

  it('closes the connection once the bounds are reached: no client can keep the server reading', async () => {
    const bounds: LingerBounds = { totalMs: 30_000, idleMs: 5_000, maxBytes: 1024 * 1024 };
    const url = await listen(withLingeringClose(refusingRoute, bounds));
    const answer = await uploadPastTheAnswer(url, 16 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.error).toMatch(/EPIPE|ECONNRESET/);
  });

  it('closes an idle lingering connection after idleMs', async () => {
    const url = await listen(
      withLingeringClose(refusingRoute, { totalMs: 30_000, idleMs: 200, maxBytes: 1024 * 1024 }),
    );
    const closed = await new Promise<number>((done) => {
      const started = Date.now();
      const outgoing = httpRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' } });
      outgoing.on('response', (incoming) => incoming.resume());
      outgoing.on('close', () => done(Date.now() - started));
      outgoing.on('error', () => undefined);
      outgoing.write(Buffer.alloc(300 * 1024, 'a'));
    });
    expect(closed).toBeLessThan(3_000);
  });
});
