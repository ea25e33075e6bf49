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
  byDevice: { deviceId: string; flagged: number }[];
}

/** What to review now; see the module comment for the range. */
export async function reviewLogs(query: QueryRunner): Promise<LogsToReview> {
  const inReports = whereLogs({}, 'l');
  const perDevice = whereLogs({}, 'd');
  // The distinct totals (a few hundred at most), each with its logs and its weight: a log weighs
  // 1 / the number of logs of its device. The quartiles are then read off in JavaScript.
  const rows = await query(
    `SELECT l.total, COUNT(*) AS logs, SUM(1.0 / devices.logs) AS weight
      FROM session_logs l JOIN (SELECT d.device_id, COUNT(*) AS logs FROM session_logs d ${perDevice.sql} GROUP BY d.device_id) devices ON devices.device_id = l.device_id
      ${inReports.sql} GROUP BY l.total`,
    [...perDevice.values, ...inReports.values],
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
  const flagged = whereLogs({}, 'l', [`l.total > ${fence}`]);
  const [flaggedRows, devices] = await Promise.all([
    query(
      `SELECT l.client_id, l.device_id, l.team_id, l.session_date, l.total, l.received_at FROM session_logs l ${flagged.sql}
        ORDER BY l.total DESC, l.client_id LIMIT ${listed}`,
      flagged.values,
    ),
    query(
      `SELECT l.device_id, COUNT(*) AS flagged FROM session_logs l ${flagged.sql} GROUP BY l.device_id`,
      flagged.values,
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
