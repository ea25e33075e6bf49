/**
 * The session store: one interface for teams, devices and session logs, so the embedded SQLite
 * engine (`sqlite-store.ts`) and a PostgreSQL engine can stand behind the same API routes and
 * run the same contract tests (tests/unit/store-contract.ts). Every method is async for that
 * reason, even where SQLite answers at once.
 */
import type { Report, ReportFilter } from './report-sql.ts';
import type { LogsToReview } from './review-sql.ts';
import type { SessionLog, sessionSettings } from './schema.ts';

/** What a team may do: send logs, or also see reports and manage devices. */
export type Role = 'team' | 'coordinator';

export interface Team {
  id: string;
  name: string;
  role: Role;
  /** ISO 8601 time. */
  createdAt: string;
  /** ISO 8601 time, or null while the team may send. */
  revokedAt: string | null;
}

export interface Device {
  id: string;
  teamId: string;
  /** What the person enrolling called it, e.g. "Phone of team Y Tý". */
  name: string;
  enrolledAt: string;
  revokedAt: string | null;
  /** When a coordinator took its logs out of reports and exports, or null. */
  quarantinedAt: string | null;
}

/** What `quarantine` and `release` did to a device. */
export interface Quarantine {
  id: string;
  name: string;
  quarantinedAt: string | null;
}

/** A device as `listTeams` shows it: with what it has sent. */
export interface DeviceSummary extends Device {
  /** When its latest stored log was received, or null before its first. */
  lastSyncAt: string | null;
  logsSent: number;
}

export interface TeamSummary extends Team {
  devices: DeviceSummary[];
}

/** A fresh enrolment code: shown once, stored only as a hash. */
export interface EnrolmentCode {
  /** As a person types it, e.g. `ABCD-EFGH`. */
  code: string;
  teamId: string;
  expiresAt: string;
}

/** What a device receives when it enrols; the token is never stored in clear. */
export interface Enrolment {
  token: string;
  deviceId: string;
  team: { id: string; name: string };
  role: Role;
}

/**
 * Why an enrolment was refused: no such code, already used, past its expiry, team revoked, or
 * (with an `AttemptLimit`) too many failed attempts already.
 */
export type EnrolmentFailure = 'unknown' | 'used' | 'expired' | 'revoked' | 'tooManyAttempts';

/**
 * At most `limit` failed attempts per `key` (e.g. `enrol <client address>`) in any `windowMs`.
 * `enrol` checks the count and records a failure in the same transaction as the code's check
 * (PostgreSQL: under an advisory lock on the key), so requests in flight and several servers all
 * count, while successes never do.
 */
export interface AttemptLimit {
  key: string;
  limit: number;
  windowMs: number;
}

/** Who a valid token belongs to. */
export interface DeviceIdentity {
  deviceId: string;
  deviceName: string;
  team: { id: string; name: string };
  role: Role;
}

/** A stored log: the log as validated, plus who sent it and when it arrived. */
export type StoredSessionLog = SessionLog & { receivedAt: string; teamId: string; deviceId: string };

/**
 * What storing a log did: `created`; `duplicate` (the same log under the same client id was
 * already stored; `record` is the stored one); `conflict` (a different log holds that client
 * id; `record` is the stored one, which is kept).
 */
export interface InsertResult {
  status: 'created' | 'duplicate' | 'conflict';
  record: StoredSessionLog;
}

/** Which logs `list` and `count` take; every field narrows. Dates are `YYYY-MM-DD`, inclusive. */
export interface LogFilter {
  teamId?: string;
  deviceId?: string;
  from?: string;
  to?: string;
  /** A former district (`places.ts`). */
  areaId?: string;
  setting?: (typeof sessionSettings)[number];
  /** Received at or after this ISO 8601 time. */
  receivedFrom?: string;
  /** Also the logs of quarantined devices (left out of everything else: reports, exports, counts). */
  includeQuarantined?: boolean;
  /** At most this many, oldest received first. */
  limit?: number;
}

export interface SessionStore {
  /** Applies the migrations not applied yet; safe to run on every start. */
  migrate(): Promise<void>;

  /** Rejects (RangeError) a name that `names.ts` refuses, as `enrol` does a device name. */
  createTeam(name: string, role: Role, now?: Date): Promise<Team>;
  /** A new one-time code for the team, valid `validDays`; `unknown`/`revoked` for such a team. */
  createEnrolmentCode(teamId: string, validDays?: number, now?: Date): Promise<EnrolmentCode | 'unknown' | 'revoked'>;
  /**
   * Spends a code (case, spaces and dashes do not matter) and registers a device with a new token.
   * With `limit`: refused with `tooManyAttempts` once the key's failures reach it, and a failure counts.
   */
  enrol(code: string, deviceName: string, now?: Date, limit?: AttemptLimit): Promise<Enrolment | EnrolmentFailure>;
  /** The device a bearer token belongs to. */
  authenticate(token: string): Promise<DeviceIdentity | 'unknown' | 'revoked'>;
  /** Revokes a device, or a team with all its devices, and ends their browser sessions; says which it was. */
  revoke(
    deviceOrTeamId: string,
    now?: Date,
  ): Promise<{ kind: 'device' | 'team'; id: string; name: string } | 'unknown'>;
  /** A new browser session for a device, valid `maxAgeSeconds`: its id, stored only as a hash. */
  startSession(deviceId: string, maxAgeSeconds: number, now?: Date): Promise<string>;
  /** The device a session id belongs to; `unknown` for no such, an ended or an expired session. */
  sessionIdentity(sessionId: string, now?: Date): Promise<DeviceIdentity | 'unknown' | 'revoked'>;
  /** Ends a session (sign-out); nothing happens for an unknown id. */
  endSession(sessionId: string): Promise<void>;
  /** Seconds until `limit.key` may try again (its failures in the window reached the limit), or 0. */
  retryAfter(limit: AttemptLimit, now?: Date): Promise<number>;
  /** Remembers a webhook delivery until `keepUntil`; false when it was remembered already (a replay). */
  rememberDelivery(key: string, keepUntil: Date, now?: Date): Promise<boolean>;
  /** Every team with its devices, oldest first. */
  listTeams(): Promise<TeamSummary[]>;
  /**
   * Takes a device's logs out of every report, export and count (they stay stored, for audit,
   * and `list` with `includeQuarantined` shows them); a second call keeps the first time.
   */
  quarantine(deviceId: string, now?: Date): Promise<Quarantine | 'unknown'>;
  /** Puts a quarantined device's logs back into reports. */
  release(deviceId: string): Promise<Quarantine | 'unknown'>;
  /**
   * Recomputes the summary tables that reports read from the stored logs (they are kept current
   * at every insert, quarantine and release; this is for repair: `npm run teams -- rebuild-summaries`).
   */
  rebuildSummaries(): Promise<void>;
  /** The logs far outside the programme's usual range, for a coordinator to review (`review-sql.ts`). */
  logsToReview(): Promise<LogsToReview>;

  /** Stores one validated log, idempotent by `clientId` (see `InsertResult`). */
  insert(log: SessionLog, deviceId: string, teamId: string, receivedAt?: Date): Promise<InsertResult>;
  /** `insert` for each log, in order, in one transaction where the engine has them. */
  insertBatch(
    logs: readonly SessionLog[],
    deviceId: string,
    teamId: string,
    receivedAt?: Date,
  ): Promise<InsertResult[]>;
  list(filter?: LogFilter): Promise<StoredSessionLog[]>;
  count(filter?: Omit<LogFilter, 'limit'>): Promise<number>;
  /** What the logs of `filter` add up to, computed in SQL (`report-sql.ts`). */
  report(filter?: ReportFilter): Promise<Report>;

  close(): Promise<void>;
}

// In a module of its own: the phone's outbox (and its service worker) compares logs with it too.
export { canonicalJson } from './canonical-json.ts';
