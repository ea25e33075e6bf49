/**
 * The review list reads `review_totals` (migration 6), derived data: what it answers must equal the
 * review worked out from the raw logs in plain JavaScript (`reviewInJs`, exact fractions for the
 * weighted quartiles), over random logs, floods, resends, quarantines and releases sent
 * concurrently through several servers; the table must hold exactly each device's logs of each
 * total; a rebuild mends it; and migration 6 fills it from the logs stored before it. Every engine
 * runs it (`reviewContract('SQLite', …)`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimumLogs, type LogsToReview } from '../../src/sessions/review-sql.ts';
import type { SessionStore, StoredSessionLog } from '../../src/sessions/store.ts';
import { logOf } from './quarantine-contract.ts';
import { enrolDevice } from './store-contract.ts';

/** Store instances on one fresh database, and a way to run SQL on that database directly. */
export interface ReviewDatabase {
  stores: SessionStore[];
  /** Runs one statement without parameters; answers its rows. */
  sql: (text: string) => Promise<Record<string, unknown>[]>;
  close: () => Promise<void>;
}

const servers = 3;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The review as review-sql.ts's module comment defines it, from the stored logs and the quarantined
 * devices: each log weighs 1 / its device's logs, kept exact as integers (every weight times the
 * least common multiple of the devices' log counts).
 */
export function reviewInJs(stored: readonly StoredSessionLog[], quarantined: ReadonlySet<string>): LogsToReview {
  const counted = stored.filter((log) => !quarantined.has(log.deviceId));
  if (counted.length < minimumLogs) return { range: null, logs: [], byDevice: [] };
  const perDevice = new Map<string, number>();
  for (const log of counted) perDevice.set(log.deviceId, (perDevice.get(log.deviceId) ?? 0) + 1);
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const lcm = [...perDevice.values()].reduce((all, logs) => (all * BigInt(logs)) / gcd(all, BigInt(logs)), 1n);
  const weight = (log: StoredSessionLog) => lcm / BigInt(perDevice.get(log.deviceId)!);
  const whole = counted.reduce((sum, log) => sum + weight(log), 0n);
  const ascending = [...counted].sort((a, b) => a.attendance.total - b.attendance.total);
  /** The smallest total with at least `quarters` / 4 of the weight at or below it. */
  const quartile = (quarters: bigint) => {
    let below = 0n;
    for (const log of ascending) {
      below += weight(log);
      if (4n * below >= quarters * whole) return log.attendance.total;
    }
    throw new Error('unreachable: the whole weight is at or below the highest total');
  };
  const [q1, q3] = [quartile(1n), quartile(3n)];
  const fence = Math.max(q3 + 3 * (q3 - q1), 2 * q3);
  const flagged = counted.filter((log) => log.attendance.total > fence);
  const byDevice = new Map<string, number>();
  for (const log of flagged) byDevice.set(log.deviceId, (byDevice.get(log.deviceId) ?? 0) + 1);
  return {
    range: { q1, q3, fence, logs: counted.length },
    logs: flagged
      .sort((a, b) => b.attendance.total - a.attendance.total || byText(a.clientId, b.clientId))
      .slice(0, 50)
      .map((log) => ({
        clientId: log.clientId,
        deviceId: log.deviceId,
        teamId: log.teamId,
        date: log.date,
        total: log.attendance.total,
        receivedAt: log.receivedAt,
      })),
    byDevice: [...byDevice]
      .map(([deviceId, count]) => ({ deviceId, flagged: count }))
      .sort((a, b) => b.flagged - a.flagged || byText(a.deviceId, b.deviceId)),
  };
}

/** What `review_totals` must hold: each device's stored logs of each total, quarantined or not. */
function totalsInJs(stored: readonly StoredSessionLog[]): string[] {
  const counts = new Map<string, number>();
  for (const log of stored) {
    const key = `${log.deviceId} ${log.attendance.total}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, logs]) => `${key} ${logs}`).sort(byText);
}

async function storedTotals(database: ReviewDatabase): Promise<string[]> {
  return (await database.sql('SELECT device_id, total, logs FROM review_totals'))
    .map((row) => `${String(row['device_id'])} ${Number(row['total'])} ${Number(row['logs'])}`)
    .sort(byText);
}

/** Everything stored and the devices quarantined now, as the oracle takes them. */
async function rawLogs(store: SessionStore): Promise<[StoredSessionLog[], Set<string>]> {
  const devices = (await store.listTeams()).flatMap((team) => team.devices);
  return [
    await store.list({ includeQuarantined: true }),
    new Set(devices.filter((device) => device.quarantinedAt !== null).map((device) => device.id)),
  ];
}

/** Mostly ordinary sessions (ties included), now and then one far out. */
const arbitraryTotal = fc.oneof(
  { arbitrary: fc.integer({ min: 8, max: 40 }), weight: 8 },
  { arbitrary: fc.integer({ min: 41, max: 3000 }), weight: 2 },
);

/** One step of one device: logs sent through a server (maybe a flood of one total), maybe resent, maybe a quarantine or release at the same time. */
const arbitraryStep = fc.record({
  device: fc.integer({ min: 0, max: 3 }),
  server: fc.integer({ min: 0, max: servers - 1 }),
  totals: fc.array(arbitraryTotal, { minLength: 2, maxLength: 15 }),
  flood: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    {
      arbitrary: fc.record({ total: fc.integer({ min: 100, max: 5000 }), logs: fc.integer({ min: 1, max: 70 }) }),
      weight: 1,
    },
  ),
  resend: fc.boolean(),
  change: fc.constantFrom('none', 'none', 'none', 'quarantine', 'release'),
});

/**
 * Four phones with ordinary sessions (one with a session of 400) and one that sent 30 of 2000, as
 * one device of five: both far out. Answers the flooding phone's id.
 */
async function ordinaryAndFlooding(store: SessionStore): Promise<string> {
  const totals = [18, 20, 22, 25, 25, 27, 28, 30, 31, 33, 35, 38, 40, 24, 26, 29, 32, 21];
  for (const [index, phone] of ['Phone of Mai', 'Phone of Páo', 'Phone of Sử', 'Phone of Lan'].entries()) {
    const { deviceId, teamId } = await enrolDevice(store, phone);
    const logs = totals.slice(index * 4, index * 4 + 6).map(logOf);
    await store.insertBatch(index === 0 ? [...logs, logOf(400)] : logs, deviceId, teamId);
  }
  const flooding = await enrolDevice(store, 'Lost phone');
  await store.insertBatch(
    Array.from({ length: 30 }, () => logOf(2000)),
    flooding.deviceId,
    flooding.teamId,
  );
  return flooding.deviceId;
}

/** `openDatabase(n)` gives n store instances on one fresh, empty database (not migrated yet). */
export function reviewContract(
  name: string,
  openDatabase: (count: number) => Promise<ReviewDatabase>,
  runs = 30,
): void {
  describe(`review list from review_totals: ${name}`, () => {
    it('equals the review worked out from the raw logs, over random logs, floods, quarantines, releases and concurrent inserts from several servers', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(arbitraryStep, { minLength: 4, maxLength: 14 }), async (steps) => {
          const database = await openDatabase(servers);
          const { stores } = database;
          try {
            const devices = [];
            for (const phone of ['Phone of Mai', 'Phone of Páo', 'Phone of Sử', 'Lost phone'])
              devices.push(await enrolDevice(stores[0]!, phone));
            for (const store of stores) await store.migrate();
            await Promise.all(
              devices.map(async ({ deviceId, teamId }, index) => {
                for (const step of steps.filter((each) => each.device === index)) {
                  const logs = [
                    ...step.totals.map(logOf),
                    ...Array.from({ length: step.flood?.logs ?? 0 }, () => logOf(step.flood!.total)),
                  ];
                  const work: Promise<unknown>[] = [stores[step.server]!.insertBatch(logs, deviceId, teamId)];
                  if (step.resend)
                    work.push(stores[(step.server + 1) % servers]!.insertBatch(logs.slice(0, 3), deviceId, teamId));
                  const other = stores[(step.server + 2) % servers]!;
                  if (step.change === 'quarantine') work.push(other.quarantine(deviceId));
                  if (step.change === 'release') work.push(other.release(deviceId));
                  await Promise.all(work);
                }
              }),
            );
            const [stored, quarantined] = await rawLogs(stores[0]!);
            const expected = reviewInJs(stored, quarantined);
            for (const store of stores) expect(await store.logsToReview()).toEqual(expected);
            expect(await storedTotals(database)).toEqual(totalsInJs(stored));
            await stores[1]!.rebuildSummaries();
            expect(await storedTotals(database)).toEqual(totalsInJs(stored));
            expect(await stores[2]!.logsToReview()).toEqual(expected);
          } finally {
            await database.close();
          }
        }),
        { numRuns: runs },
      );
      // Each run enrols four devices (scrypt) and sends through three stores: slow on a loaded machine.
    }, 240_000);

    it('recomputes review totals that went wrong from the logs (npm run teams -- rebuild-summaries)', async () => {
      const database = await openDatabase(1);
      const [store] = database.stores;
      try {
        await ordinaryAndFlooding(store!);
        const [stored, quarantined] = await rawLogs(store!);
        const right = reviewInJs(stored, quarantined);
        expect(right.byDevice).toHaveLength(2);
        expect(await store!.logsToReview()).toEqual(right);
        // A hand edit, a restore of the logs alone: the totals no longer hold what the logs say.
        await database.sql('UPDATE review_totals SET logs = logs + 40 WHERE total = 2000');
        await database.sql('DELETE FROM review_totals WHERE total = 400');
        expect(await store!.logsToReview()).not.toEqual(right);
        await store!.rebuildSummaries();
        expect(await store!.logsToReview()).toEqual(right);
        expect(await storedTotals(database)).toEqual(totalsInJs(stored));
      } finally {
        await database.close();
      }
    });

    it('fills review_totals from the logs stored before migration 6, quarantined ones included', async () => {
      const database = await openDatabase(2);
      const [before, after] = database.stores;
      try {
        const flooding = await ordinaryAndFlooding(before!);
        await before!.quarantine(flooding);
        // Back to a store that only knew migrations 1 to 5.
        await database.sql('DROP TABLE review_totals');
        await database.sql('DROP INDEX session_logs_review');
        await database.sql('DELETE FROM schema_migrations WHERE version = 6');
        await after!.migrate();
        const [stored, quarantined] = await rawLogs(after!);
        expect(await storedTotals(database)).toEqual(totalsInJs(stored));
        expect(quarantined).toEqual(new Set([flooding]));
        const review = await after!.logsToReview();
        expect(review).toEqual(reviewInJs(stored, quarantined));
        expect(review.byDevice).toHaveLength(1);
        // Released, the flooding phone's logs count again: the totals held them all along.
        await after!.release(flooding);
        const released = await after!.logsToReview();
        expect(released).toEqual(reviewInJs(stored, new Set()));
        expect(released.byDevice).toContainEqual({ deviceId: flooding, flagged: 30 });
      } finally {
        await database.close();
      }
    });
  });
}
