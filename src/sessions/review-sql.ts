/**
 * Logs for a coordinator to review: those whose attendance is far outside the programme's usual
 * range, in portable SQL that both engines run (as `report-sql.ts`).
 *
 * The usual range is Tukey's "far out" fence over the attendance totals of the logs in reports
 * (quarantined devices left out): from the quartiles Q1 and Q3, a log is far out above
 * Q3 + 3 × (Q3 − Q1), and never at or below 2 × Q3 (so a programme whose sessions all draw 30 does
 * not flag a session of 31). So that one phone flooding the store cannot move the range, the
 * quartiles weigh every device the same (each log counts 1 / its device's number of logs): the
 * range holds while fewer than a quarter of the devices send nonsense. With fewer than
 * `minimumLogs` logs there is no usual range yet, and nothing is flagged.
 *
 * The quartiles, the number of logs and the flagged count of each device come from `review_totals`
 * (migration 6, kept current with every insert: `summary-sql.ts`): how many logs each device sent
 * of each total, quarantined or not, so the review costs devices × distinct totals, not the number
 * of logs. Only the 50 flagged logs listed are read from the logs themselves, down the index on
 * their total (`session_logs_review`, migration 6), at the flagged totals in reports alone.
 */
import type { QueryRunner } from './report-sql.ts';
import { whereLogs } from './store-sql.ts';

/** Logs needed before there is a usual range. */
export const minimumLogs = 20;
/** Flagged logs listed, highest attendance first (every one is counted in `byDevice`). */
const listed = 50;

export interface FlaggedLog {
  clientId: string;
  deviceId: string;
  teamId: string;
  date: string;
  total: number;
  receivedAt: string;
}

export interface LogsToReview {
  /** The quartiles and the fence above which a log is flagged; null before `minimumLogs` logs. */
  range: { q1: number; q3: number; fence: number; logs: number } | null;
  /** The highest flagged logs, at most 50. */
  logs: FlaggedLog[];
  /** How many logs of each device are flagged, most first. */
  byDevice: { deviceId: string; flagged: number }[];
}

/** What to review now; see the module comment for the range. */
export async function reviewLogs(query: QueryRunner): Promise<LogsToReview> {
  // The rows of devices not quarantined: the same rule as every report (`whereLogs` reads only
  // `device_id` with no filter, a column `review_totals` has too).
  const counted = whereLogs({}, 'r');
  // The distinct totals (a few hundred at most), each with its logs and its weight, from
  // `review_totals` (one row per device and total): a log weighs 1 / the number of logs of its
  // device. The quartiles are then read off in JavaScript.
  const rows = await query(
    `WITH counted AS (SELECT r.device_id, r.total, r.logs FROM review_totals r ${counted.sql}),
      per_device AS (SELECT device_id, SUM(logs) AS logs FROM counted GROUP BY device_id)
      SELECT c.total, SUM(c.logs) AS logs, SUM(c.logs * 1.0 / d.logs) AS weight
      FROM counted c JOIN per_device d ON d.device_id = c.device_id GROUP BY c.total`,
    counted.values,
  );
  const totals = rows
    .map((row) => ({ total: Number(row['total']), logs: Number(row['logs']), weight: Number(row['weight']) }))
    .sort((a, b) => a.total - b.total);
  const logs = totals.reduce((sum, row) => sum + row.logs, 0);
  if (logs < minimumLogs) return { range: null, logs: [], byDevice: [] };
  const whole = totals.reduce((sum, row) => sum + row.weight, 0);
  /** The smallest total at or above `fraction` of the weight, counted from the lowest. */
  const quartile = (fraction: number) => {
    let below = 0;
    for (const row of totals) {
      below += row.weight;
      if (below >= whole * fraction - 1e-9) return row.total;
    }
    return totals.at(-1)!.total;
  };
  const [q1, q3] = [quartile(0.25), quartile(0.75)];
  const fence = Math.max(q3 + 3 * (q3 - q1), 2 * q3);
  // The flagged totals that hold logs in reports, highest first, only as many as the listed logs
  // need: the list reads the logs of those totals alone (down session_logs_review), so it never
  // reads a quarantined phone's flood at another total, nor anything when no log is flagged.
  const listedTotals: number[] = [];
  for (let index = totals.length - 1, held = 0; index >= 0 && totals[index]!.total > fence && held < listed; index--) {
    listedTotals.push(totals[index]!.total);
    held += totals[index]!.logs;
  }
  if (listedTotals.length === 0) return { range: { q1, q3, fence, logs }, logs: [], byDevice: [] };
  const flagged = whereLogs({}, 'l', [`l.total IN (${listedTotals.join(', ')})`]);
  const flaggedTotals = whereLogs({}, 'r', [`r.total > ${fence}`]);
  const [flaggedRows, devices] = await Promise.all([
    query(
      `SELECT l.client_id, l.device_id, l.team_id, l.session_date, l.total, l.received_at FROM session_logs l ${flagged.sql}
        ORDER BY l.total DESC, l.client_id LIMIT ${listed}`,
      flagged.values,
    ),
    query(
      `SELECT r.device_id, SUM(r.logs) AS flagged FROM review_totals r ${flaggedTotals.sql} GROUP BY r.device_id`,
      flaggedTotals.values,
    ),
  ]);
  return {
    range: { q1, q3, fence, logs },
    logs: flaggedRows.map((row) => ({
      clientId: String(row['client_id']),
      deviceId: String(row['device_id']),
      teamId: String(row['team_id']),
      date: String(row['session_date']),
      total: Number(row['total']),
      receivedAt: String(row['received_at']),
    })),
    byDevice: devices
      .map((row) => ({ deviceId: String(row['device_id']), flagged: Number(row['flagged']) }))
      .sort((a, b) => b.flagged - a.flagged || (a.deviceId < b.deviceId ? -1 : 1)),
  };
}
