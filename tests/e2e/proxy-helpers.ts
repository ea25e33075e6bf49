/**
 * A real reverse proxy for the tests of issue 13: Debian's nginx terminating TLS with a throwaway
 * certificate (openssl), in front of a built server of its own that trusts one proxy hop and
 * knows its public https origin. nginx runs in the foreground without a master process, as the
 * test's user, with every file in a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throwawayCertificate } from './certificate.ts';
import { startOwnServer } from './api-helpers.ts';

/** A free TCP port on loopback. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface ProxiedServer {
  /** The public origin, through nginx: `https://localhost:<port>`. */
  origin: string;
  /** The app server itself, behind nginx. */
  app: Awaited<ReturnType<typeof startOwnServer>>;
  stop: () => void;
}

/** The built server behind nginx with TLS; `env` adds to the server's environment. */
export async function startBehindNginx(env: Record<string, string> = {}): Promise<ProxiedServer> {
  const folder = mkdtempSync(join(tmpdir(), 'nginx-'));
  const port = await freePort();
  const origin = `https://localhost:${port}`;
  throwawayCertificate(folder);
  const app = await startOwnServer(undefined, { SITE_URL: origin, TRUST_PROXY: '1', ...env });
  const upstream = new URL(app.origin);
  writeFileSync(
    join(folder, 'nginx.conf'),
    `
daemon off;
master_process off;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${folder}/body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  # The app sets its own limits; the proxy passes bodies on as they come.
  client_max_body_size 0;
  proxy_request_buffering off;
  server {
    listen 127.0.0.1:${port} ssl;
    server_name localhost;
    ssl_certificate ${folder}/cert.pem;
    ssl_certificate_key ${folder}/key.pem;
    location / {
      proxy_pass http://${upstream.host};
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`,
  );
  const nginx: ChildProcess = spawn('nginx', ['-p', folder, '-c', join(folder, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  nginx.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  for (let tries = 0; ; tries++) {
    const up = await fetchStatus(`${origin}/vi/`).catch(() => 0);
    if (up === 200) break;
    if (tries > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${errors}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    origin,
    app,
    stop: () => {
      nginx.kill();
      app.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A request through the proxy from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so the
 * proxy sees different clients as it would different phones; the certificate is not checked.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((done, fail) => {
    const outgoing = httpsRequest(url, { method, headers, localAddress, rejectUnauthorized: false }, (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.on('end', () => done({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }));
    });
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

const fetchStatus = async (url: string) => (await requestFrom('127.0.0.1', url)).status;
