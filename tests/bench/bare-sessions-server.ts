/**
 * The baseline for `npm run bench:sessions`: a bare node:http handler that reads the body, parses
 * it and stores it with the same SQLite store as the API, and nothing else (no Astro, no Origin,
 * token or schema checks). Prints `listening on <port>` once it listens.
 */
import { createServer } from 'node:http';
import type { SessionLog } from '../../src/sessions/schema.ts';
import { openSqliteStore, sqliteFile } from '../../src/sessions/sqlite-store.ts';

const store = openSqliteStore(sqliteFile());
await store.migrate();
const [deviceId, teamId] = [process.env['BENCH_DEVICE_ID']!, process.env['BENCH_TEAM_ID']!];

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const log = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SessionLog;
    void store.insert(log, deviceId, teamId).then(({ status, record }) => {
      response.writeHead(status === 'created' ? 201 : 200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ status, record }));
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening on ${typeof address === 'object' && address ? address.port : ''}`);
});
