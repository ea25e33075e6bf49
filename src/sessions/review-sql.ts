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
  byDevice: Array<{ deviceId: string; flagged: number }>;
}

/** What to review now; see the module comment for the range. */
export async function reviewLogs(query: QueryRunner): Promise<LogsToReview> {
  const inReports = whereLogs({}, 'l');
  const [counted] = await query(`SELECT COUNT(*) AS n FROM session_logs l ${inReports.sql}`, inReports.values);
  const logs = Number(counted?.['n'] ?? 0);
  if (logs < minimumLogs) return { range: null, logs: [], byDevice: [] };
  // The smallest total at or above `fraction` of the devices' weight, counted from the lowest.
  const quartile = async (fraction: number) => {
    const [row] = await query(
      `SELECT MIN(total) AS total FROM (
        SELECT total, SUM(weight) OVER (ORDER BY total, client_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS below, SUM(weight) OVER () AS whole
        FROM (SELECT l.total, l.client_id, 1.0 / COUNT(*) OVER (PARTITION BY l.device_id) AS weight FROM session_logs l ${inReports.sql}) weighted
      ) cumulative WHERE below >= whole * ${fraction} - 0.000001`,
      inReports.values,
    );
    return Number(row?.['total'] ?? 0);
  };
  const [q1, q3] = await Promise.all([quartile(0.25), quartile(0.75)]);
  const fence = Math.max(q3 + 3 * (q3 - q1), 2 * q3);
  const flagged = whereLogs({}, 'l', [`l.total > ${fence}`]);
  const [rows, devices] = await Promise.all([
    query(
      `SELECT l.client_id, l.device_id, l.team_id, l.session_date, l.total, l.received_at FROM session_logs l ${flagged.sql}
        ORDER BY l.total DESC, l.client_id LIMIT ${listed}`,
      flagged.values,
    ),
    query(`SELECT l.device_id, COUNT(*) AS flagged FROM session_logs l ${flagged.sql} GROUP BY l.device_id`, flagged.values),
  ]);
  return {
    range: { q1, q3, fence, logs },
    logs: rows.map((row) => ({
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
