/**
 * Logs of every schema version: the server reads a log through `parseLog`, which upgrades an older
 * log step by step (one function per version) to the current shape before the schema judges it,
 * and refuses a version it does not know (a phone newer than the server, or a made-up number).
 * A phone that has not taken the new code yet, or a log saved before an update, keeps being accepted.
 */
import * as z from 'zod/mini';
import { canonicalJson } from './canonical-json.ts';
import {
  currentSchemaVersion,
  describeProblems,
  maskPhoneNumbers,
  sessionLogSchema,
  type LogProblem,
  type SessionLog,
} from './schema.ts';

// The schema is written with zod/mini, which loads no messages (the form words its own): the
// server's answers keep their English sentences for logs and API clients.
z.config(z.locales.en());

type LogObject = Record<string, unknown>;

/**
 * Version → the function that turns a log of that version into one of the next. Each entry says
 * when its version was issued: the server keeps accepting a version for at least 12 months after
 * the next one ships (a log older than a year is refused by its date anyway).
 */
export const upgrades: Readonly<Record<number, { issued: string; upgrade: (log: LogObject) => LogObject }>> = {
  // Version 1 (issued 2026-01): no `schemaVersion`; a note kept a phone number after a second
  // tap, and the venue and names were not checked for one. Version 2 refuses them, so they are
  // masked here and never reach the raw export.
  1: { issued: '2026-01-01', upgrade: (log) => ({ ...masked(log), schemaVersion: 2 }) },
};

const mask = (value: unknown) => (typeof value === 'string' ? maskPhoneNumbers(value) : value);

/** A log with every phone number in its free texts (notes, venue, facilitators) masked. */
function masked(log: LogObject): LogObject {
  const place =
    log['place'] && typeof log['place'] === 'object'
      ? { ...(log['place'] as LogObject), venue: mask((log['place'] as LogObject)['venue']) }
      : log['place'];
  const facilitators = Array.isArray(log['facilitators']) ? log['facilitators'].map(mask) : log['facilitators'];
  return { ...log, notes: mask(log['notes']), place, facilitators };
}

/** The version a log says it has: a missing field is version 1 (it came before the field). */
function versionOf(log: LogObject): unknown {
  return 'schemaVersion' in log ? log['schemaVersion'] : 1;
}

/**
 * A log of any known version, upgraded to the current shape (not yet checked), or the problem that
 * stops it: an unknown version. Anything that is not an object is left for the schema to refuse.
 */
export function upgradeLog(input: unknown): { log: unknown } | { problem: LogProblem } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { log: input };
  let log = input as LogObject;
  let version = versionOf(log);
  for (
    let step = typeof version === 'number' ? upgrades[version] : undefined;
    step;
    step = typeof version === 'number' ? upgrades[version] : undefined
  ) {
    log = step.upgrade(log);
    version = versionOf(log);
  }
  if (version !== currentSchemaVersion) {
    const message = `schemaVersion: this server knows log versions 1 to ${currentSchemaVersion}, not ${JSON.stringify(version)}; update the server, or send the log from the app.`;
    return { problem: { path: 'schemaVersion', rule: 'unknownVersion', message } };
  }
  return { log };
}

export type ParsedLog = { success: true; data: SessionLog } | { success: false; problems: LogProblem[] };

/** A log as the server reads it: upgraded from its version, then checked with the schema. */
export function parseLog(input: unknown, schema = sessionLogSchema): ParsedLog {
  const upgraded = upgradeLog(input);
  if ('problem' in upgraded) return { success: false, problems: [upgraded.problem] };
  const parsed = schema.safeParse(upgraded.log);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, problems: describeProblems(parsed.error) };
}

/**
 * Whether a stored log (its canonical JSON, maybe of an older version) is the same log as `json`,
 * the canonical JSON of a current one: so a phone resending a version-1 log after its answer was
 * lost hears `duplicate`, not `conflict`.
 */
export function sameStoredLog(storedJson: string, json: string): boolean {
  if (storedJson === json) return true;
  const upgraded = upgradeLog(JSON.parse(storedJson));
  return 'log' in upgraded && canonicalJson(upgraded.log) === json;
}
