import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../src/sessions/postgres-store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { schemaFactory, testDatabaseUrl } from './postgres-test-db.ts';
import { reportContract, reportInJs } from './report-contract.ts';
import { quarantineContract } from './quarantine-contract.ts';
import { reviewContract } from './review-contract.ts';
import { summaryContract } from './summary-contract.ts';
import { enrolDevice, storeContract } from './store-contract.ts';

const url = testDatabaseUrl();
const schemas = schemaFactory(url);
afterAll(() => schemas.dropAll());

describe('PostgreSQL', () => {
  storeContract('PostgreSQL', () => schemas.freshStore());
  quarantineContract('PostgreSQL', () => schemas.freshStore());
  reportContract('PostgreSQL', () => schemas.freshStore());
  summaryContract('PostgreSQL', async (count) => {
    const scoped = await schemas.freshUrl();
    return Array.from({ length: count }, () => openPostgresStore(scoped, { poolSize: 3 }));
  });
  reviewContract('PostgreSQL', async (count) => {
    const scoped = await schemas.freshUrl();
    const stores = Array.from({ length: count }, () => openPostgresStore(scoped, { poolSize: 3 }));
    const db = new pg.Client({ connectionString: scoped });
    await db.connect();
    return {
      stores,
      sql: async (text) => (await db.query<Record<string, unknown>>(text)).rows,
      close: async () => {
        await db.end();
        await Promise.all(stores.map((store) => store.close()));
      },
    };
  });

  describe('PostgreSQL session store', () => {
    it('recomputes summaries that went wrong from the logs (npm run teams -- rebuild-summaries)', async () => {
      const scoped = await schemas.freshUrl();
      const store = openPostgresStore(scoped);
      const { deviceId, teamId } = await enrolDevice(store);
      const logs = [validLog(), { ...validLog(), materials: ['pack-a', 'pack-b'] }];
      await store.insertBatch(logs, deviceId, teamId);
      const db = new pg.Client({ connectionString: scoped });
      await db.connect();
      await db.query(
        "DELETE FROM report_pack_sums WHERE material = 'pack-a'; UPDATE report_sums SET total = total + 7",
      );
      await db.end();
      expect(await store.report()).not.toEqual(reportInJs(logs, {}));
      await store.rebuildSummaries();
      expect(await store.report()).toEqual(reportInJs(logs, {}));
      await store.close();
    });

    it('spends a code once when two servers enrol with it at the same moment', async () => {
      const scoped = await schemas.freshUrl();
      const [one, two] = [openPostgresStore(scoped), openPostgresStore(scoped)];
      await one.migrate();
      const team = await one.createTeam('Đội Mường Khương', 'team');
      const code = await one.createEnrolmentCode(team.id);
      if (typeof code === 'string') throw new Error(code);
      const answers = await Promise.all([
        one.enrol(code.code, 'Phone A'),
        two.enrol(code.code, 'Phone B'),
        one.enrol(code.code, 'Phone C'),
        two.enrol(code.code, 'Phone D'),
      ]);
      const teams = await one.listTeams();
      await Promise.all([one.close(), two.close()]);
      expect(answers.filter((answer) => typeof answer === 'object')).toHaveLength(1);
      expect(answers.filter((answer) => answer === 'used')).toHaveLength(3);
      expect(teams[0]?.devices).toHaveLength(1);
    });

    it('stores a log that two servers receive at once exactly once', async () => {
      const scoped = await schemas.freshUrl();
      const [one, two] = [openPostgresStore(scoped), openPostgresStore(scoped)];
      const device = await enrolDevice(one);
      const logs = Array.from({ length: 50 }, () => validLog());
      const [a, b] = await Promise.all([
        one.insertBatch(logs, device.deviceId, device.teamId),
        two.insertBatch([...logs].reverse(), device.deviceId, device.teamId),
      ]);
      const count = await one.count();
      await Promise.all([one.close(), two.close()]);
      const statuses = [...a, ...b].map((result) => result.status);
      expect(statuses.filter((status) => status === 'created')).toHaveLength(50);
      expect(statuses.filter((status) => status === 'duplicate')).toHaveLength(50);
      expect(count).toBe(50);
    });

    it('stores a batch larger than one statement takes, judging each log alone', async () => {
      const store = await schemas.freshStore();
      const device = await enrolDevice(store);
      const logs = Array.from({ length: 2500 }, () => validLog()); // 2,500 × 31 columns: more parameters than one statement may have
      const known = logs[700]!;
      const results = await store.insertBatch(
        [...logs, known, { ...known, durationMinutes: 30 }],
        device.deviceId,
        device.teamId,
      );
      const count = await store.count();
      await store.close();
      expect(results.slice(0, 2500).every((result) => result.status === 'created')).toBe(true);
      expect(results.slice(2500).map((result) => result.status)).toEqual(['duplicate', 'conflict']);
      expect(count).toBe(2500);
    });

    it('keeps no token or enrolment code in clear in any table', async () => {
      const scoped = await schemas.freshUrl();
      const store = openPostgresStore(scoped);
      await store.migrate();
      const team = await store.createTeam('Đội Y Tý', 'team');
      const code = await store.createEnrolmentCode(team.id);
      if (typeof code === 'string') throw new Error(code);
      const enrolment = await store.enrol(code.code, 'Phone');
      if (typeof enrolment === 'string') throw new Error(enrolment);
      await store.insert(validLog(), enrolment.deviceId, team.id);
      await store.close();
      const db = new pg.Client({ connectionString: scoped });
      await db.connect();
      const tables = (
        await db.query<{ table_name: string }>(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()',
        )
      ).rows.map((row) => row.table_name);
      let text = '';
      for (const table of tables)
        text += (await db.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`)).rows
          .map((row) => `${row.row}\n`)
          .join('');
      await db.end();
      expect(tables).toContain('enrolment_codes');
      expect(text).toContain('Phone');
      expect(text).not.toContain(enrolment.token);
      expect(text).not.toContain(code.code.replace('-', ''));
      expect(text).not.toContain(code.code);
    });
  });
});
