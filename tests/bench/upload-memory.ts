/**
 * Server memory under huge uploads (issue 13, bounded bodies): prints the server's peak RSS.
 *
 *   npm run build:test && BENCH_OUT_DIR=./dist-test npm run bench:uploads
 *
 * Starts the built server with a fresh DATA_DIR, then sends BENCH_UPLOADS (3) parallel POSTs of
 * BENCH_UPLOAD_MB (300) MB each to /vi/reports/ with a content type no route expects, as fast as
 * loopback takes them: once with Content-Length, once chunked (no length to refuse by). Reports
 * the server's peak resident memory (VmHWM, Linux) before and after, and each upload's status.
 */
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outDir, start } from './http-load.ts';

const uploads = Number(process.env['BENCH_UPLOADS'] ?? 3);
const megabytes = Number(process.env['BENCH_UPLOAD_MB'] ?? 300);
const chunk = Buffer.alloc(1024 * 1024, 'a');

/** The peak resident memory of a process, in MB. */
const peakRss = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Sends `megabytes` MB, stopping early when the server answers or closes; resolves with the status. */
function upload(port: number, chunked: boolean): Promise<string> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {
      'Content-Type': 'application/octet-stream',
      Origin: `http://127.0.0.1:${port}`,
    };
    if (!chunked) headers['Content-Length'] = String(megabytes * chunk.length);
    const req = request({ host: '127.0.0.1', port, path: '/vi/reports/', method: 'POST', headers });
    let answered = false;
    req.on('response', (response) => {
      answered = true;
      response.resume();
      resolve(String(response.statusCode));
    });
    req.on('error', (error) =>
      resolve(answered ? 'answered' : `error ${(error as NodeJS.ErrnoException).code ?? error.message}`),
    );
    let sent = 0;
    const write = () => {
      while (sent < megabytes && !answered) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

const data = mkdtempSync(join(tmpdir(), 'bench-upload-'));
const server = await start([join(outDir, 'server/entry.mjs')], { HOST: '127.0.0.1', PORT: '0', DATA_DIR: data });
try {
  await fetch(`http://127.0.0.1:${server.port}/vi/reports/`);
  const before = peakRss(server.child.pid!);
  for (const chunked of [false, true]) {
    const started = performance.now();
    const statuses = await Promise.all(Array.from({ length: uploads }, () => upload(server.port, chunked)));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${chunked ? 'chunked' : 'Content-Length'}: ${uploads} × ${megabytes} MB → ${statuses.join(', ')} in ${seconds} s; server peak RSS ${before.toFixed(0)} MB before, ${peakRss(server.child.pid!).toFixed(0)} MB after`,
    );
  }
} finally {
  server.child.kill();
  rmSync(data, { recursive: true, force: true });
}
