/** What a newcomer needs on the first start: a coordinator team and a code to enrol a device. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EnrolmentCode, SessionStore, Team } from './store.ts';

/**
 * When the store has no team yet, creates a "Coordinators" team and a 7-day enrolment code for
 * it; undefined when a team exists already.
 */
export async function ensureFirstCoordinator(
  store: SessionStore,
  now: Date = new Date(),
): Promise<{ team: Team; code: EnrolmentCode } | undefined> {
  if ((await store.listTeams()).length > 0) return undefined;
  const team = await store.createTeam('Coordinators', 'coordinator', now);
  const code = await store.createEnrolmentCode(team.id, 7, now);
  if (typeof code === 'string') throw new Error(`Could not create a code for the new team ${team.id}: ${code}`);
  return { team, code };
}

/**
 * Where the first code goes when no person watches the terminal (a service manager's log keeps
 * whatever the server prints, for anyone who may read the log): a file only this user may read,
 * in the store's folder (made 0700). Answers the file's path, to print instead of the code.
 */
export function writeFirstCodeFile(code: EnrolmentCode, dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = resolve(join(dataDir, 'first-enrolment-code.txt'));
  writeFileSync(
    file,
    `${code.code}\n(one use, valid until ${code.expiresAt}; delete this file once the first device is enrolled)\n`,
    { mode: 0o600 },
  );
  chmodSync(file, 0o600);
  return file;
}
