/**
 * Lingering close: when a route answers before it has read the whole body (413 past a limit, 415,
 * 400), the server keeps reading and discarding what the client still sends, for a bounded time and
 * amount, before it closes the connection, as nginx (`lingering_close`) and Apache do.
 *
 * Without it the connection was destroyed while the client was still sending: a route that stopped
 * reading cancelled the adapter's body, which destroyed the request and with it the socket, and a
 * `Connection: close` answer closed the socket right after the answer. Either way the kernel answers
 * the bytes still arriving with a reset, and a client busy writing (a browser uploading a file, the
 * 300 MB upload of tests/e2e/transport.spec.ts one run in three) gets EPIPE or ECONNRESET instead of
 * the answer, which it may never read. Here the answer goes out, then the server's side is closed
 * (FIN: "no more answers"), the rest of the body is read into nothing (memory stays flat), and the
 * socket is destroyed once the body has ended, or at the bounds below.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Socket } from 'node:net';

/** How long and how much the server keeps reading after its answer (nginx: lingering_time 30 s, lingering_timeout 5 s). */
export interface LingerBounds {
  /** At most this long in all after the answer. */
  totalMs: number;
  /** At most this long without a byte from the client. */
  idleMs: number;
  /** At most this many bytes discarded. */
  maxBytes: number;
}

export const lingerBounds: LingerBounds = { totalMs: 30_000, idleMs: 5_000, maxBytes: 64 * 1024 * 1024 };

/** A request the node adapter reads its body from: `body`, when it is async iterable, instead of the request itself. */
type AdapterRequest = IncomingMessage & { body?: AsyncIterable<Buffer> };

/** `handler` whose answers given before the end of the request's body are followed by a lingering close. */
export function withLingeringClose(handler: RequestListener, bounds: LingerBounds = lingerBounds): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') linger(request, response, bounds);
    handler(request, response);
  };
}

function linger(request: AdapterRequest, response: ServerResponse, bounds: LingerBounds): void {
  // The adapter reads `request.body` when set (astro/app/node.js, makeRequestBody). A route that stops
  // reading ends this iteration; the request (and so the socket) must outlive it.
  // No own string keys: the adapter would take an object that has them for a parsed JSON body.
  request.body = {
    [Symbol.asyncIterator]: () => request.iterator({ destroyOnReturn: false }) as AsyncIterator<Buffer>,
  };
  const socket = request.socket;
  // Node closes a `Connection: close` answer's socket with destroySoon once the answer is written
  // (_http_server.js, resOnFinish): with the body still coming, only our side is closed now.
  const destroySoon = () => Socket.prototype.destroySoon.call(socket);
  socket.destroySoon = () => {
    if (request.complete) {
      destroySoon();
      return;
    }
    socket.end();
    request.once('end', () => socket.destroy());
  };
  // Once the body has ended, a kept-alive socket is closed as Node closes it (the next request patches it again).
  request.once('end', () => Reflect.deleteProperty(socket, 'destroySoon'));
  response.once('finish', () => {
    if (request.complete) return;
    let discarded = 0;
    const stop = () => socket.destroy();
    const total = setTimeout(stop, bounds.totalMs);
    let idle = setTimeout(stop, bounds.idleMs);
    const done = () => {
      clearTimeout(total);
      clearTimeout(idle);
    };
    request.on('data', (chunk: Buffer) => {
      discarded += chunk.byteLength;
      clearTimeout(idle);
      idle = setTimeout(stop, bounds.idleMs);
      if (discarded > bounds.maxBytes) stop();
    });
    request.once('end', done);
    socket.once('close', done);
    request.resume();
  });
}
