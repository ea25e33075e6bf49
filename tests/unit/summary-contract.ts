/**
 * The summary tables are derived data (issue 19): the report read from them must equal the report
 * added up from the raw logs in plain JavaScript (`reportInJs`, the report contract's oracle), over
 * random logs, filters, resends, quarantines and releases, sent concurrently through several
 * servers (several store instances on one database); and rebuilding them changes nothing. Every
 * engine runs it (`summaryContract('SQLite', …)`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionLog } from '../../src/sessions/schema.ts';
import type { SessionStore } from '../../src/sessions/store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { arbitraryFilter, arbitraryLog, reportInJs } from './report-contract.ts';

const servers = 3;

/** One step of one device: logs sent through a server, maybe resent through another, maybe a quarantine or release at the same time. */
const arbitraryStep = fc.record({
  device: fc.integer({ min: 0, max: 2 }),
  server: fc.integer({ min: 0, max: servers - 1 }),
  logs: fc.array(arbitraryLog, { maxLength: 8 }),
  resend: fc.boolean(),
  change: fc.constantFrom('none', 'none', 'quarantine', 'release'),
});

/** Two devices of one team (a summary row of the team mixes them) and one of another. */
async function enrolDevices(store: SessionStore): Promise<{ deviceId: string; teamId: string }[]> {
  const devices: { deviceId: string; teamId: string }[] = [];
  for (const [teamName, phones] of [
    ['Đội Y Tý', 2],
    ['Đội Bát Xát', 1],
  ] as const) {
    const team = await store.createTeam(teamName, 'team');
    for (let phone = 0; phone < phones; phone += 1) {
      const code = await store.createEnrolmentCode(team.id);
      if (typeof code === 'string') throw new Error(code);
      const enrolment = await store.enrol(code.code, `Phone ${devices.length + 1}`);
      if (typeof enrolment === 'string') throw new Error(enrolment);
      devices.push({ deviceId: enrolment.deviceId, teamId: team.id });
    }
  }
  return devices;
}

/** `openStores(n)` gives n store instances on one fresh, empty database (not migrated yet). */
export function summaryContract(name: string, openStores: (count: number) => Promise<SessionStore[]>, runs = 15): void {
  describe(`summary tables: ${name}`, () => {
    it('report from the summaries equals the report from the raw logs, over random logs, filters, quarantines and concurrent inserts from several servers', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(arbitraryStep, { minLength: 1, maxLength: 8 }),
          fc.array(arbitraryFilter, { minLength: 1, maxLength: 3 }),
          async (steps, filters) => {
            const stores = await openStores(servers);
            try {
              for (const store of stores) await store.migrate();
              const devices = await enrolDevices(stores[0]!);
              // Each device's steps in order; the devices' chains, and within a step the insert, the
              // resend and the quarantine or release, all at the same time on different servers.
              await Promise.all(
                devices.map(async ({ deviceId, teamId }, index) => {
                  for (const step of steps.filter((each) => each.device === index)) {
                    const work: Promise<unknown>[] = [stores[step.server]!.insertBatch(step.logs, deviceId, teamId)];
                    if (step.resend)
                      work.push(
                        stores[(step.server + 1) % servers]!.insertBatch(step.logs.slice(0, 3), deviceId, teamId),
                      );
                    const other = stores[(step.server + 2) % servers]!;
                    if (step.change === 'quarantine') work.push(other.quarantine(deviceId));
                    if (step.change === 'release') work.push(other.release(deviceId));
                    await Promise.all(work);
                  }
                }),
              );
              const quarantined = devices.map(
                (_, index) =>
                  steps.filter((step) => step.device === index && step.change !== 'none').at(-1)?.change ===
                  'quarantine',
              );
              const counted = new Map<string, SessionLog>();
              for (const step of steps)
                if (!quarantined[step.device]) for (const log of step.logs) counted.set(log.clientId, log);
              const logs = [...counted.values()];
              for (const filter of [{}, ...filters]) {
                const expected = reportInJs(logs, filter);
                for (const store of stores) expect(await store.report(filter)).toEqual(expected);
              }
              await stores[1]!.rebuildSummaries();
              expect(await stores[2]!.report()).toEqual(reportInJs(logs, {}));
            } finally {
              await Promise.all(stores.map((store) => store.close()));
            }
          },
        ),
        { numRuns: runs },
      );
      // Each run enrols three devices (scrypt) and sends through three stores: slow on a loaded machine.
    }, 180_000);

    it('keeps through duplicates, quarantine and release the same summaries that a rebuild makes', async () => {
      const [store] = await openStores(1);
      try {
        await store!.migrate();
        const [device] = await enrolDevices(store!);
        const logs = [validLog(), validLog(), { ...validLog(), materials: ['pack-a', 'pack-a', 'pack-b'] }];
        await store!.insertBatch(logs, device!.deviceId, device!.teamId);
        const right = await store!.report();
        expect(right).toEqual(reportInJs(logs, {}));
        // A second insert of the same logs (duplicates) changes nothing.
        await store!.insertBatch(logs, device!.deviceId, device!.teamId);
        expect(await store!.report()).toEqual(right);
        await store!.quarantine(device!.deviceId);
        expect((await store!.report()).totals.sessions).toBe(0);
        await store!.rebuildSummaries();
        expect((await store!.report()).totals.sessions).toBe(0);
        await store!.release(device!.deviceId);
        await store!.rebuildSummaries();
        expect(await store!.report()).toEqual(right);
      } finally {
        await store!.close();
      }
    });
  });
}
