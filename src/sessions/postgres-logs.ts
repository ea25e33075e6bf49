/**
 * Storing logs in PostgreSQL in as few round trips as the answers allow, in one transaction: the
 * devices' rows locked (shared), one statement that inserts the logs of every request that arrived
 * together (`groupCommitAsync`) (INSERT … ON CONFLICT (client_id) DO NOTHING RETURNING tells which
 * are new) and the lesson-pack rows of the new ones, and one that adds the new logs to the summary
 * tables (`summary-sql.ts`: the report's of devices not quarantined, the review's of all); then one SELECT fetches the stored row of every other log, to tell a
 * duplicate (same canonical JSON) from a conflict.
 * Two servers inserting one client id at once cannot both create it: the second INSERT waits for
 * the first to commit, then does nothing, and its SELECT sees the committed row.
 */
import { logColumnNames, logColumns, logMaterials } from './log-columns.ts';
import type { SessionLog } from './schema.ts';
import { sameStoredLog } from './log-versions.ts';
import { canonicalJson, type InsertResult } from './store.ts';
import { toRecord, type Row } from './store-sql.ts';
import {
  reviewDeltas,
  summaryDeltas,
  summaryValues,
  upsertSql,
  type SummaryRow,
  type SummaryTable,
} from './summary-sql.ts';

/** Runs SQL with `?` placeholders and answers the rows. */
export type Query = (sql: string, params?: readonly unknown[]) => Promise<Row[]>;

const names = ['client_id', 'team_id', 'device_id', 'received_at', 'log', ...logColumnNames];
const tuple = `(${names.map(() => '?').join(', ')})`;

/** Logs that one request (or one `insert` call) brings: who sent them and when they arrived. */
export interface InsertJob {
  logs: readonly SessionLog[];
  deviceId: string;
  teamId: string;
  receivedAt: string;
}

/** Rows a statement takes at most: 500 × 31 columns stays well under PostgreSQL's 65,535 parameters. */
const rowsPerStatement = 500;

/** Inserts new logs (with their pack rows) in one statement; answers the client ids it created. */
async function insertNew(
  query: Query,
  ordered: readonly string[],
  firsts: Map<string, { row: Row; log: SessionLog }>,
): Promise<string[]> {
  const materials = ordered.flatMap((clientId) =>
    logMaterials(firsts.get(clientId)!.log).map((material) => [clientId, material]),
  );
  // A data-modifying WITH runs whole or not at all, and its second INSERT sees what the first returned.
  const inserted = await query(
    `WITH inserted AS (
        INSERT INTO session_logs (${names.join(', ')}) VALUES ${ordered.map(() => tuple).join(', ')}
        ON CONFLICT (client_id) DO NOTHING RETURNING client_id
      )${
        materials.length === 0
          ? ''
          : `, materials AS (
        INSERT INTO session_log_materials (client_id, material)
        SELECT m.client_id, m.material FROM (VALUES ${materials.map(() => '(?::text, ?::text)').join(', ')}) AS m (client_id, material)
        JOIN inserted ON inserted.client_id = m.client_id
        ON CONFLICT DO NOTHING
      )`
      }
      SELECT client_id FROM inserted`,
    [...ordered.flatMap((clientId) => names.map((name) => firsts.get(clientId)!.row[name])), ...materials.flat()],
  );
  return inserted.map((row) => String(row['client_id']));
}

/**
 * `insert` for each log of each job, in order (see `InsertResult`): as SQLite's group commit, the
 * first log under a client id is the one stored, whichever job brought it. More rows than one
 * statement takes go in several, inside one transaction (`transaction`).
 */
export async function insertJobs(
  query: Query,
  transaction: <T>(work: (run: Query) => Promise<T>) => Promise<T>,
  jobs: readonly InsertJob[],
): Promise<InsertResult[][]> {
  const entries = jobs.flatMap(({ logs, deviceId, teamId, receivedAt }) =>
    logs.map((log) => ({
      log,
      row: {
        client_id: log.clientId,
        team_id: teamId,
        device_id: deviceId,
        received_at: receivedAt,
        log: canonicalJson(log),
        ...logColumns(log),
      },
    })),
  );
  const firsts = new Map<string, { row: Row; log: SessionLog }>();
  for (const entry of entries) if (!firsts.has(entry.log.clientId)) firsts.set(entry.log.clientId, entry);
  // Rows go in client-id order: two statements that share logs (a resend racing a retry) then wait
  // on each other's unique-index entries in the same order, never in a circle (a deadlock).
  const ordered = [...firsts.keys()].sort();
  const slices = Array.from({ length: Math.ceil(ordered.length / rowsPerStatement) }, (_, index) =>
    ordered.slice(index * rowsPerStatement, (index + 1) * rowsPerStatement),
  );
  const devices = [...new Set(jobs.map((job) => job.deviceId))].sort();
  // One transaction: the logs and what they add to the summaries commit together. The devices'
  // rows are locked first (shared): a quarantine or release of one waits for this insert, or this
  // insert waits for it and then sees the device as it left it, so a log is added to the
  // summaries exactly when its device is not quarantined.
  const created = new Set(
    await transaction(async (run) => {
      const quarantined = new Set(
        (await run(`${deviceLocks} FOR SHARE`, [devices]))
          .filter((row) => row['quarantined_at'])
          .map((row) => String(row['id'])),
      );
      const ids: string[] = [];
      for (const slice of slices) ids.push(...(await insertNew(run, slice, firsts)));
      const counted = ids
        .map((clientId) => firsts.get(clientId)!)
        .filter(({ row }) => !quarantined.has(String(row['device_id'])));
      await addToSummaries(run, {
        ...summaryDeltas(
          counted.map(({ row, log }) => ({
            columns: row as Record<string, string | number>,
            materials: logMaterials(log),
          })),
        ),
        review_totals: reviewDeltas(
          ids.map((clientId) => {
            const { row } = firsts.get(clientId)!;
            return { deviceId: String(row['device_id']), total: Number(row['total']) };
          }),
        ),
      });
      return ids;
    }),
  );

  const stored = new Map<string, Row>([...created].map((clientId) => [clientId, firsts.get(clientId)!.row]));
  const others = ordered.filter((clientId) => !created.has(clientId));
  if (others.length > 0) {
    for (const row of await query('SELECT * FROM session_logs WHERE client_id = ANY(?)', [others]))
      stored.set(String(row['client_id']), row);
  }
  const answered = new Set<string>();
  const results = entries.map(({ log, row }): InsertResult => {
    const kept = stored.get(log.clientId);
    if (!kept) throw new Error(`Log ${log.clientId} was neither inserted nor found`);
    if (created.has(log.clientId) && !answered.has(log.clientId)) {
      answered.add(log.clientId);
      return { status: 'created', record: toRecord(row) };
    }
    return { status: sameStoredLog(String(kept['log']), row.log) ? 'duplicate' : 'conflict', record: toRecord(kept) };
  });
  let next = 0;
  return jobs.map(({ logs }) => results.slice(next, (next += logs.length)));
}

/** The devices of a batch, in id order (the order their rows are locked in). */
const deviceLocks = 'SELECT id, quarantined_at FROM devices WHERE id = ANY(?) ORDER BY id';

/** Adds summary rows, 500 a statement (31 values each, under PostgreSQL's 65,535 parameters). */
export async function addToSummaries(run: Query, deltas: Record<SummaryTable, SummaryRow[]>): Promise<void> {
  for (const table of ['report_sums', 'report_pack_sums', 'review_totals'] as const) {
    for (let index = 0; index < deltas[table].length; index += rowsPerStatement) {
      const rows = deltas[table].slice(index, index + rowsPerStatement);
      await run(
        upsertSql(table, rows.length),
        rows.flatMap((row) => summaryValues(table, row)),
      );
    }
  }
}

/**
 * What a `rederive` migration asks for: every stored log's columns and lesson-pack rows written
 * again from its JSON, 500 logs a statement (one transaction, the migration's), never all in memory.
 */
export async function rederiveAll(run: Query): Promise<void> {
  let after = '';
  for (;;) {
    const page = await run('SELECT client_id, log FROM session_logs WHERE client_id > ? ORDER BY client_id LIMIT 500', [
      after,
    ]);
    if (page.length === 0) return;
    after = String(page.at(-1)!['client_id']);
    const logs = page.map((row) => JSON.parse(String(row['log'])) as SessionLog);
    const columns = logs.map((log) => logColumns(log));
    const cast = (name: string) => (typeof columns[0]![name] === 'number' ? 'integer' : 'text');
    await run(
      `UPDATE session_logs l SET ${logColumnNames.map((name) => `${name} = v.${name}`).join(', ')}
        FROM (VALUES ${page.map(() => `(?::text, ${logColumnNames.map((name) => `?::${cast(name)}`).join(', ')})`).join(', ')}) AS v (client_id, ${logColumnNames.join(', ')})
        WHERE l.client_id = v.client_id`,
      page.flatMap((row, index) => [String(row['client_id']), ...logColumnNames.map((name) => columns[index]![name])]),
    );
    const materials = logs.flatMap((log, index) =>
      logMaterials(log).map((material) => [String(page[index]!['client_id']), material]),
    );
    if (materials.length > 0) {
      await run(
        `INSERT INTO session_log_materials (client_id, material) VALUES ${materials.map(() => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
        materials.flat(),
      );
    }
  }
}
