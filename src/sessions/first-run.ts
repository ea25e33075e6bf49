/** What a newcomer needs on the first start: a coordinator team and a code to enrol a device. */
import type { EnrolmentCode, SessionStore, Team } from './store.ts';

/**
 * When the store has no team yet, creates a "Coordinators" team and a 7-day enrolment code for
 * it; undefined when a team exists already.
 */
export async function ensureFirstCoordinator(store: SessionStore, now: Date = new Date()): Promise<{ team: Team; code: EnrolmentCode } | undefined> {
  if ((await store.listTeams()).length > 0) return undefined;
  const team = await store.createTeam('Coordinators', 'coordinator', now);
  const code = await store.createEnrolmentCode(team.id, 7, now);
  if (typeof code === 'string') throw new Error(`Could not create a code for the new team ${team.id}: ${code}`);
  return { team, code };
}
