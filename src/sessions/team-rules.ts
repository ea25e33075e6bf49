/**
 * The rules of teams, enrolment codes, devices and enrolment attempts, written once for both engines
 * of the session store. Each rule is a generator that yields the statements it needs (the portable
 * SQL of `store-sql.ts`) and is handed back their rows: the SQLite engine runs it synchronously
 * inside one of its transactions (`runSync`: no other request interleaves), the PostgreSQL engine
 * awaits each statement on one connection (`runAsync`). What only PostgreSQL needs to be safe across
 * servers (a row lock on the code, an advisory lock on the attempt key) is its `Dialect`.
 *
 * Example: `runSync(revoke(id, now), (sql, params) => db.prepare(sql).all(...params))`.
 */
import { hashEnrolmentCode, hashToken, newEnrolmentCode, newToken, normalizeEnrolmentCode } from './credentials.ts';
import { assertName } from './names.ts';
import { newId, secondsUntilExpiry, sql, toTeam, type Row } from './store-sql.ts';
import type { AttemptLimit, Enrolment, EnrolmentCode, EnrolmentFailure, Role, Team } from './store.ts';

/** One statement with its `?` parameters. */
export interface Statement {
  sql: string;
  params: readonly (string | number)[];
}

/** A rule: yields statements, receives each one's rows, returns its outcome. */
export type Steps<T> = Generator<Statement, T, Row[]>;

/** What an engine adds to the rules to keep them atomic across servers. */
export interface Dialect {
  /** Appended to the code's SELECT while it is spent (PostgreSQL: ` FOR UPDATE`). */
  lockRow: string;
  /** A statement that makes attempts of one key wait for each other, where one transaction alone does not. */
  lockKey?: (key: string) => Statement;
}

const dayMs = 24 * 60 * 60 * 1000;
const statement = (text: string, ...params: (string | number)[]): Statement => ({ sql: text, params });

/** Runs `steps` to the end with a synchronous driver. */
export function runSync<T>(steps: Steps<T>, query: (sql: string, params: readonly (string | number)[]) => Row[]): T {
  let step = steps.next();
  while (!step.done) step = steps.next(query(step.value.sql, step.value.params));
  return step.value;
}

/** Runs `steps` to the end, one statement at a time, with an asynchronous driver. */
export async function runAsync<T>(
  steps: Steps<T>,
  query: (sql: string, params: readonly (string | number)[]) => Promise<Row[]>,
): Promise<T> {
  let step = steps.next();
  while (!step.done) step = steps.next(await query(step.value.sql, step.value.params));
  return step.value;
}

/** A new team; rejects (RangeError) a name `names.ts` refuses. */
export function* createTeam(name: string, role: Role, now: Date): Steps<Team> {
  assertName(name);
  const team: Team = { id: newId('team'), name, role, createdAt: now.toISOString(), revokedAt: null };
  yield statement(sql.insertTeam, team.id, name, role, team.createdAt);
  return team;
}

/** A fresh code as a person types it, and the hash the store keeps of it. */
export async function freshCode(): Promise<{ code: string; hash: string }> {
  const code = newEnrolmentCode();
  return { code, hash: await hashEnrolmentCode(normalizeEnrolmentCode(code)!) };
}

/** Stores `fresh` for the team, valid `validDays`, unless the team is unknown or revoked. */
export function* createEnrolmentCode(
  teamId: string,
  fresh: { code: string; hash: string },
  validDays: number,
  now: Date,
): Steps<EnrolmentCode | 'unknown' | 'revoked'> {
  const [team] = yield statement(sql.teamRevokedAt, teamId);
  if (!team) return 'unknown';
  if (team['revoked_at']) return 'revoked';
  const expiresAt = new Date(now.getTime() + validDays * dayMs).toISOString();
  yield statement(sql.insertCode, fresh.hash, teamId, now.toISOString(), expiresAt);
  return { code: fresh.code, teamId, expiresAt };
}

/**
 * The hash to look a typed code up by (undefined: not a code at all), after the device name is
 * checked (RangeError): the slow part of `enrol`, done before its transaction.
 */
export async function enrolmentHash(typedCode: string, deviceName: string): Promise<string | undefined> {
  assertName(deviceName);
  const normalized = normalizeEnrolmentCode(typedCode);
  return normalized === undefined ? undefined : hashEnrolmentCode(normalized);
}

/** Seconds until the key of `limit` may try again, or 0. */
export function* retryAfter({ key, limit, windowMs }: AttemptLimit, now: Date): Steps<number> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  // Old attempts go now and then, so the table stays the size of one window.
  if (Math.random() < 0.01) yield statement(sql.forgetAttemptsBefore, since);
  const [count] = yield statement(sql.countAttempts, key, since);
  if (Number(count?.['n']) < limit) return 0;
  const [oldest] = yield statement(sql.nthNewestAttempt, key, since, limit - 1);
  return secondsUntilExpiry(oldest ? String(oldest['attempted_at']) : undefined, windowMs, now);
}

/** Spends the code of `hash` (undefined: not a code at all) for a new device, or says why not. */
function* spend(
  hash: string | undefined,
  deviceName: string,
  now: Date,
  dialect: Dialect,
): Steps<Enrolment | EnrolmentFailure> {
  if (hash === undefined) return 'unknown';
  // The row lock makes a second server spending the same code wait, then see it used.
  const [code] = yield statement(`${sql.codeByHash}${dialect.lockRow}`, hash);
  if (!code) return 'unknown';
  if (code['used_at']) return 'used';
  if (String(code['expires_at']) <= now.toISOString()) return 'expired';
  const team = toTeam((yield statement(sql.teamById, String(code['team_id'])))[0]!);
  if (team.revokedAt) return 'revoked';
  const token = newToken();
  const deviceId = newId('device');
  yield statement(sql.insertDevice, deviceId, team.id, deviceName, hashToken(token), now.toISOString());
  yield statement(sql.spendCode, now.toISOString(), deviceId, hash);
  return { token, deviceId, team: { id: team.id, name: team.name }, role: team.role };
}

/**
 * Enrols a device with the code of `hash` (`enrolmentHash`), in one transaction: with `limit`,
 * refused once the key's failures reach it, and a failure is recorded with the check that found it.
 */
export function* enrol(
  hash: string | undefined,
  deviceName: string,
  now: Date,
  limit: AttemptLimit | undefined,
  dialect: Dialect,
): Steps<Enrolment | EnrolmentFailure> {
  if (limit) {
    if (dialect.lockKey) yield dialect.lockKey(`attempts ${limit.key}`);
    if ((yield* retryAfter(limit, now)) > 0) return 'tooManyAttempts';
  }
  const outcome = yield* spend(hash, deviceName, now, dialect);
  if (limit && typeof outcome === 'string')
    yield statement(sql.insertAttempt, newId('attempt'), limit.key, now.toISOString());
  return outcome;
}

/** Revokes a device, or else a team, once (a second revoke keeps the first time), and ends their browser sessions. */
export function* revoke(
  id: string,
  now: Date,
): Steps<{ kind: 'device' | 'team'; id: string; name: string } | 'unknown'> {
  for (const kind of ['device', 'team'] as const) {
    const [row] = yield statement(sql.revoke(kind === 'device' ? 'devices' : 'teams'), now.toISOString(), id);
    if (!row) continue;
    yield statement(sql.deleteSessionsOf(kind), id);
    return { kind, id, name: String(row['name']) };
  }
  return 'unknown';
}
