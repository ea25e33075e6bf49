/**
 * Storing a batch of logs in PostgreSQL in as few round trips as the answers allow: one statement
 * inserts the logs (INSERT … ON CONFLICT (client_id) DO NOTHING RETURNING tells which are new) and
 * the lesson-pack rows of the new ones, atomically; one SELECT fetches the stored row of every
 * other log, to tell a duplicate (same canonical JSON) from a conflict.
 * Two servers inserting one client id at once cannot both create it: the second INSERT waits for
 * the first to commit, then does nothing, and its SELECT sees the committed row.
 */
import { logColumnNames, logColumns, logMaterials } from './log-columns.ts';
import type { SessionLog } from './schema.ts';
import { canonicalJson, type InsertResult } from './store.ts';
import { toRecord, type Row } from './store-sql.ts';

/** Runs SQL with `?` placeholders and answers the rows. */
export type Query = (sql: string, params?: readonly unknown[]) => Promise<Row[]>;

const names = ['client_id', 'team_id', 'device_id', 'received_at', 'log', ...logColumnNames];
const tuple = `(${names.map(() => '?').join(', ')})`;

/** `insert` for each log in order (see `InsertResult`), as one statement plus one lookup. */
export async function insertLogs(query: Query, logs: readonly SessionLog[], deviceId: string, teamId: string, receivedAt: string): Promise<InsertResult[]> {
  const rows: Row[] = logs.map((log) => ({ client_id: log.clientId, team_id: teamId, device_id: deviceId, received_at: receivedAt, log: canonicalJson(log), ...logColumns(log) }));
  // A client id twice in one batch is inserted once, from its first log, as SQLite would.
  const firsts = new Map<string, Row>();
  const firstLogs = new Map<string, SessionLog>();
  rows.forEach((row, index) => {
    if (firsts.has(logs[index]!.clientId)) return;
    firsts.set(logs[index]!.clientId, row);
    firstLogs.set(logs[index]!.clientId, logs[index]!);
  });
  // Rows go in client-id order: two batches that share logs (a resend racing a retry) then wait
  // on each other's unique-index entries in the same order, never in a circle (a deadlock).
  const ordered = [...firsts.keys()].sort();

  const materials = ordered.flatMap((clientId) => logMaterials(firstLogs.get(clientId)!).map((material) => [clientId, material]));
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
    [...ordered.flatMap((clientId) => names.map((name) => firsts.get(clientId)![name])), ...materials.flat()],
  );
  const created = new Set(inserted.map((row) => String(row['client_id'])));
  const others = ordered.filter((clientId) => !created.has(clientId));
  const stored = new Map<string, Row>([...created].map((clientId) => [clientId, firsts.get(clientId)!]));
  if (others.length > 0) {
    for (const row of await query('SELECT * FROM session_logs WHERE client_id = ANY(?)', [others])) stored.set(String(row['client_id']), row);
  }

  const answered = new Set<string>();
  return rows.map((row): InsertResult => {
    const clientId = String(row['client_id']);
    const kept = stored.get(clientId);
    if (!kept) throw new Error(`Log ${clientId} was neither inserted nor found`);
    if (created.has(clientId) && !answered.has(clientId)) {
      answered.add(clientId);
      return { status: 'created', record: toRecord(row) };
    }
    return { status: kept['log'] === row['log'] ? 'duplicate' : 'conflict', record: toRecord(kept) };
  });
}

/**
 * What a `rederive` migration asks for: every stored log's columns and lesson-pack rows written
 * again from its JSON, 500 logs a statement (one transaction, the migration's), never all in memory.
 */
export async function rederiveAll(run: Query): Promise<void> {
  let after = '';
  for (;;) {
    const page = await run('SELECT client_id, log FROM session_logs WHERE client_id > ? ORDER BY client_id LIMIT 500', [after]);
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
    const materials = logs.flatMap((log, index) => logMaterials(log).map((material) => [String(page[index]!['client_id']), material]));
    if (materials.length > 0) {
      await run(`INSERT INTO session_log_materials (client_id, material) VALUES ${materials.map(() => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`, materials.flat());
    }
  }
}
