import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/sessions/migrations.ts';
import { reviewLogs } from '../../src/sessions/review-sql.ts';
import { openSqliteStore } from '../../src/sessions/sqlite-store.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { logOf } from './quarantine-contract.ts';
import { reportContract, reportInJs } from './report-contract.ts';
import { reviewContract } from './review-contract.ts';
import { summaryContract } from './summary-contract.ts';
import { enrolDevice } from './store-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'sessions-report-'));
let files = 0;
const freshFile = () => join(folder, `store-${files++}.sqlite`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

reportContract('SQLite', () => openSqliteStore(freshFile()));
summaryContract('SQLite', async (count) => {
  const file = freshFile();
  return Array.from({ length: count }, () => openSqliteStore(file));
});

reviewContract('SQLite', async (count) => {
  const file = freshFile();
  const stores = Array.from({ length: count }, () => openSqliteStore(file));
  const db = new DatabaseSync(file);
  return {
    stores,
    sql: async (text) => db.prepare(text).all(),
    close: async () => {
      db.close();
      await Promise.all(stores.map((store) => store.close()));
    },
  };
});

describe('SQLite reports', () => {
  it('reads the review list from review_totals and the flagged logs alone, never every log', async () => {
    const file = freshFile();
    const store = openSqliteStore(file);
    const { deviceId, teamId } = await enrolDevice(store);
    const ordinary = Array.from({ length: 200 }, (_, index) => logOf(15 + (index % 30)));
    await store.insertBatch([...ordinary, ...Array.from({ length: 60 }, () => logOf(900))], deviceId, teamId);
    await store.close();
    const db = new DatabaseSync(file);
    db.exec('ANALYZE');
    // How SQLite reads session_logs (alias l) in every statement of the review that names it.
    const reads: string[] = [];
    const review = await reviewLogs(async (sql, params) => {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => String(row['detail']));
      if (sql.includes('session_logs'))
        reads.push(...plan.filter((step) => /^(SCAN|SEARCH) l\b|TEMP B-TREE/.test(step)));
      return db.prepare(sql).all(...params);
    });
    db.close();
    expect(review.logs).toHaveLength(50);
    // The 60 flagged logs through the review index, in its order (no sort), and no other log read.
    expect(reads).toEqual(['SEARCH l USING INDEX session_logs_review (total=?)']);
  });

  it('recomputes summaries that went wrong from the logs (npm run teams -- rebuild-summaries)', async () => {
    const file = freshFile();
    const store = openSqliteStore(file);
    const { deviceId, teamId } = await enrolDevice(store);
    const logs = [validLog(), { ...validLog(), materials: ['pack-a', 'pack-b'] }];
    await store.insertBatch(logs, deviceId, teamId);
    // A hand edit, a restore of the logs alone: the summaries no longer hold what the logs add up to.
    const db = new DatabaseSync(file);
    db.exec("DELETE FROM report_pack_sums WHERE material = 'pack-a'; UPDATE report_sums SET total = total + 7");
    db.close();
    expect(await store.report()).not.toEqual(reportInJs(logs, {}));
    await store.rebuildSummaries();
    expect(await store.report()).toEqual(reportInJs(logs, {}));
    await store.close();
  });

  it('fills the quiz figures and lesson packs of logs stored before migration 2', async () => {
    const file = freshFile();
    const first = openSqliteStore(file);
    const { deviceId, teamId } = await enrolDevice(first);
    const logs = [validLog(), { ...validLog(), materials: ['pack-a', 'pack-a', 'pack-b'] }];
    await first.insertBatch(logs, deviceId, teamId);
    await first.close();
    // Back to the state of a store that only knew migration 1: its logs have no derived rows.
    const db = new DatabaseSync(file);
    // (The tables of later migrations go too, so that they can be made again.)
    db.exec(`DROP TABLE browser_sessions; DROP TABLE attempts; DROP TABLE webhook_deliveries; DROP TABLE report_sums; DROP TABLE report_pack_sums;
      DROP TABLE review_totals; DROP INDEX session_logs_review; DROP TABLE session_log_materials; DROP INDEX session_logs_report; CREATE INDEX session_logs_date ON session_logs (session_date); DELETE FROM schema_migrations WHERE version >= 2;
      ${['quiz_pre_answers', 'quiz_pre_right', 'quiz_post_answers', 'quiz_post_right'].map((column) => `ALTER TABLE session_logs DROP COLUMN ${column};`).join(' ')}
      ALTER TABLE devices DROP COLUMN quarantined_at;`);
    db.close();

    const again = openSqliteStore(file);
    await again.migrate();
    expect(migrations.find((migration) => migration.version === 2)?.rederive).toBe(true);
    const report = await again.report();
    expect(report).toEqual(reportInJs(logs, {}));
    expect(report.knowledgeAll.sessions).toBe(2);
    expect(report.materials.map((pack) => pack.material)).toEqual(['fixture-school-pack', 'pack-a', 'pack-b']);
    await again.close();
  });
});
