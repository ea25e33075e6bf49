/**
 * A national programme's deployment in small: four built servers behind no balancer but the test,
 * one PostgreSQL (TEST_DATABASE_URL, a fresh schema). 20,000 logs from 20 devices arrive in
 * batches of up to 100, with what phones on a bad signal do mixed in: logs sent again in a later
 * batch, a batch sent to two servers at once, a request cut off after its body went out and then
 * sent again elsewhere. At the end there is exactly one row per client id, each the log as sent,
 * with its lesson-pack row; nothing lost, no answer ever a conflict or an error; and the report's
 * summary tables that the servers kept current equal their rebuild from the logs.
 */
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { openPostgresStore } from '../../src/sessions/postgres-store.ts';
import { canonicalJson } from '../../src/sessions/store.ts';
import type { SessionLog } from '../../src/sessions/schema.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { schemaFactory, testDatabaseUrl } from '../unit/postgres-test-db.ts';
import { startOwnServer } from './api-helpers.ts';

const [servers, devices, logsPerDevice, fresh, replayed] = [4, 20, 1000, 90, 10];
const total = devices * logsPerDevice;
/** Requests in flight at once, over all servers. */
const inFlight = 40;
/** The bounds the test holds the run to. */
const [maxSeconds, maxRequests] = [120, 320];

interface Batch {
  token: string;
  logs: SessionLog[];
}

/** Seeded choices, so a failure reruns the same way. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** POSTs a batch; `cut` destroys the request once its body is sent, as a dropped signal does. */
function send(origin: string, batch: Batch, cut = false): Promise<{ status: number; body: string } | 'cut'> {
  return new Promise((done, fail) => {
    const body = JSON.stringify(batch.logs);
    const outgoing = httpRequest(`${origin}/api/sessions/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        Authorization: `Bearer ${batch.token}`,
      },
    });
    outgoing.on('response', (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.on('end', () => done({ status: incoming.statusCode ?? 0, body: text }));
    });
    outgoing.on('error', (error) => (cut ? done('cut') : fail(error)));
    outgoing.end(body, () => {
      if (cut) outgoing.destroy();
    });
  });
}

test.describe('PostgreSQL behind several servers', () => {
  test.setTimeout((maxSeconds + 60) * 1000);

  test('4 servers, 20,000 logs with duplicates and retries: exactly one row per client id, none lost', async () => {
    const schemas = schemaFactory(testDatabaseUrl());
    const scoped = await schemas.freshUrl();
    const setup = openPostgresStore(scoped, { poolSize: 2 });
    await setup.migrate();
    const started = await Promise.all(
      Array.from({ length: servers }, () =>
        startOwnServer(undefined, { DATABASE_URL: scoped, DATABASE_POOL_SIZE: '8' }),
      ),
    );
    const origins = started.map((server) => server.origin);
    try {
      // Each device enrols through a different server, with a code made in the shared database.
      const team = await setup.createTeam('Đội Sa Pa', 'team');
      const tokens = await Promise.all(
        Array.from({ length: devices }, async (_, index) => {
          const code = await setup.createEnrolmentCode(team.id);
          if (typeof code === 'string') throw new Error(code);
          const response = await fetch(`${origins[index % servers]!}/api/enrol/`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ code: code.code, deviceName: `Phone ${index}` }),
          });
          expect(response.status).toBe(201);
          return ((await response.json()) as { token: string }).token;
        }),
      );

      // 90 new logs a batch and 10 the device sent before (or earlier in the same batch).
      const pick = random(7);
      const sent = new Map<string, SessionLog>();
      const batches: Batch[] = tokens.flatMap((token) => {
        const own: SessionLog[] = [];
        const result: Batch[] = [];
        while (own.length < logsPerDevice) {
          const logs = Array.from({ length: Math.min(fresh, logsPerDevice - own.length) }, () => validLog());
          own.push(...logs);
          for (const log of logs) sent.set(log.clientId, log);
          for (let n = 0; n < replayed; n++)
            logs.splice(Math.floor(pick() * logs.length), 0, structuredClone(own[Math.floor(pick() * own.length)]!));
          result.push({ token, logs });
        }
        return result;
      });
      expect(sent.size).toBe(total);

      let requests = 0;
      const answers: { clientId: string; status: string }[] = [];
      const post = async (batch: Batch, cut = false) => {
        requests += 1;
        const answer = await send(origins[Math.floor(pick() * servers)]!, batch, cut);
        if (answer === 'cut') return;
        expect(answer.status, answer.body).toBe(200);
        answers.push(...(JSON.parse(answer.body) as { results: { clientId: string; status: string }[] }).results);
      };
      const clock = performance.now();
      const queue = [...batches];
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          for (let batch = queue.shift(); batch; batch = queue.shift()) {
            const roll = pick();
            if (roll < 0.1)
              await Promise.all([post(batch), post(batch)]); // sent twice at once
            else if (roll < 0.15)
              await post(batch, true).then(() => post(batch)); // cut off, sent again
            else await post(batch);
          }
        }),
      );
      const seconds = (performance.now() - clock) / 1000;

      const db = new pg.Client({ connectionString: scoped });
      await db.connect();
      const { rows } = await db.query<{ client_id: string; log: string }>('SELECT client_id, log FROM session_logs');
      const [counts] = (
        await db.query<{ logs: string; ids: string; packs: string }>(
          'SELECT (SELECT COUNT(*) FROM session_logs) AS logs, (SELECT COUNT(DISTINCT client_id) FROM session_logs) AS ids, (SELECT COUNT(*) FROM session_log_materials) AS packs',
        )
      ).rows;
      await db.end();
      console.log(
        `PostgreSQL, ${servers} servers: ${total} logs in ${requests} requests (${batches.length} batches), ${seconds.toFixed(1)} s, ${rows.length} rows`,
      );

      expect(answers.every((answer) => answer.status === 'created' || answer.status === 'duplicate')).toBe(true);
      const created = answers.filter((answer) => answer.status === 'created').map((answer) => answer.clientId);
      expect(new Set(created).size, 'a client id answered "created" twice').toBe(created.length);
      expect(Number(counts!.logs)).toBe(total);
      expect(Number(counts!.ids)).toBe(total);
      expect(Number(counts!.packs)).toBe(total);
      for (const row of rows) expect(row.log).toBe(canonicalJson(sent.get(row.client_id)));
      expect(requests).toBeLessThanOrEqual(maxRequests);
      expect(seconds).toBeLessThan(maxSeconds);
      // The summary tables the four servers kept current hold what a rebuild from the logs holds.
      const kept = await setup.report();
      expect(kept.totals.sessions).toBe(total);
      await setup.rebuildSummaries();
      expect(await setup.report()).toEqual(kept);
    } finally {
      for (const server of started) server.stop();
      await setup.close();
      await schemas.dropAll();
    }
  });
});
