/**
 * `npm run teams -- <command>`: manage the teams and devices that may send session logs.
 *
 *   add "<team name>" [--coordinator]   a new team and its one-time enrolment code (7 days)
 *   code <team id>                      a new enrolment code for a team
 *   list                                teams, their devices, last sync and logs sent
 *   revoke <device id | team id>        a device, or a team with all its devices, can no longer send
 *   quarantine <device id>              take a device's logs out of every report and export (kept)
 *   release <device id>                 put a quarantined device's logs back into reports
 *   review                              the logs far outside the usual range, by device
 *   init                                on an empty store only: a "Coordinators" team and its code
 *   import <file.json>                  a phone's exported unsent logs, each stored once, under its device
 *   rebuild-summaries                   recompute the summary tables (reports, review) from the stored logs
 *
 * Works on the server's store, chosen the same way (src/sessions/open-store.ts): PostgreSQL when
 * DATABASE_URL is set, else `${DATA_DIR ?? './data'}/sessions.sqlite`; safe while the server runs.
 * Names are printed escaped (`names.ts`): a name cannot forge a line of this output.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ensureFirstCoordinator, writeFirstCodeFile } from '../src/sessions/first-run.ts';
import { escapeName, nameProblem } from '../src/sessions/names.ts';
import { openStore, readStoreEnv } from '../src/sessions/open-store.ts';
import { importRescueFile, tally } from '../src/sessions/rescue-import.ts';
import { minimumLogs, type LogsToReview } from '../src/sessions/review-sql.ts';
import type { EnrolmentCode, SessionStore, TeamSummary } from '../src/sessions/store.ts';

const usage =
  'Usage: npm run teams -- add "<team name>" [--coordinator] | code <team id> | list | revoke <device or team id> | quarantine <device id> | release <device id> | review | init | import <file.json> | rebuild-summaries';

const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : '—');

function printCode(code: EnrolmentCode): void {
  console.log(`Enrolment code: ${code.code}  (one use, valid until ${day(code.expiresAt)})`);
  console.log("Type it on the phone's session-log page (/vi/log/, or another language's) to enrol that phone.");
}

function printTeams(teams: TeamSummary[]): void {
  if (teams.length === 0) console.log('No teams yet: npm run teams -- add "<team name>"');
  for (const team of teams) {
    const sent = team.devices.reduce((sum, device) => sum + device.logsSent, 0);
    console.log(
      `${team.id}  ${escapeName(team.name)}  (${team.role}${team.revokedAt ? `, revoked ${day(team.revokedAt)}` : ''})  ${team.devices.length} device(s), ${sent} log(s)`,
    );
    for (const device of team.devices) {
      const state = device.revokedAt ? `revoked ${day(device.revokedAt)}` : `enrolled ${day(device.enrolledAt)}`;
      const quarantine = device.quarantinedAt ? `, logs quarantined ${day(device.quarantinedAt)}` : '';
      console.log(
        `  ${device.id}  ${escapeName(device.name)}  ${state}${quarantine}, last sync ${day(device.lastSyncAt)}, ${device.logsSent} log(s)`,
      );
    }
  }
}

function printReview(review: LogsToReview, teams: TeamSummary[]): void {
  if (!review.range) {
    console.log(`Not enough logs yet to know the usual range (${minimumLogs} needed).`);
    return;
  }
  const { q1, q3, fence } = review.range;
  console.log(
    `Usual range: the middle half of sessions had ${q1} to ${q3} people (every device counted the same); more than ${fence} is far outside it.`,
  );
  if (review.byDevice.length === 0) {
    console.log('No log is far outside the usual range.');
    return;
  }
  const names = new Map(teams.flatMap((team) => team.devices.map((device) => [device.id, escapeName(device.name)])));
  for (const { deviceId, flagged } of review.byDevice)
    console.log(`  ${deviceId}  ${names.get(deviceId) ?? '?'}  ${flagged} log(s) far outside`);
  console.log("To take a device's logs out of reports: npm run teams -- quarantine <device id>");
}

async function run(
  store: SessionStore,
  command: string | undefined,
  args: string[],
  coordinator: boolean,
): Promise<number> {
  const [argument] = args;
  if (command === 'add' && argument?.trim()) {
    const problem = nameProblem(argument);
    if (problem)
      return fail(
        `Not a valid team name (${problem === 'controlCharacter' ? 'it holds a control character' : problem}): ${escapeName(argument)}`,
      );
    const team = await store.createTeam(argument.trim(), coordinator ? 'coordinator' : 'team');
    console.log(`Team "${escapeName(team.name)}" (${team.role}) created: ${team.id}`);
    printCode((await store.createEnrolmentCode(team.id)) as EnrolmentCode);
  } else if (command === 'code' && argument) {
    const code = await store.createEnrolmentCode(argument);
    if (typeof code === 'string')
      return fail(`No team ${argument} that can enrol devices (${code}); see npm run teams -- list`);
    printCode(code);
  } else if (command === 'list') {
    printTeams(await store.listTeams());
  } else if (command === 'revoke' && argument) {
    const revoked = await store.revoke(argument);
    if (revoked === 'unknown') return fail(`No device or team ${argument}; see npm run teams -- list`);
    console.log(
      `Revoked ${revoked.kind} ${revoked.id} (${escapeName(revoked.name)})${revoked.kind === 'team' ? ': none of its devices can send logs now' : ''}.`,
    );
    if (revoked.kind === 'device')
      console.log(`Its logs stay in reports; to take them out: npm run teams -- quarantine ${revoked.id}`);
  } else if ((command === 'quarantine' || command === 'release') && argument) {
    const done = command === 'quarantine' ? await store.quarantine(argument) : await store.release(argument);
    if (done === 'unknown') return fail(`No device ${argument}; see npm run teams -- list`);
    console.log(
      command === 'quarantine'
        ? `Quarantined the logs of ${done.id} (${escapeName(done.name)}): out of every report and export, kept; undo with npm run teams -- release ${done.id}`
        : `Released the logs of ${done.id} (${escapeName(done.name)}): back in reports.`,
    );
  } else if (command === 'review') {
    printReview(await store.logsToReview(), await store.listTeams());
  } else if (command === 'import' && argument) {
    const text = await readFile(argument, 'utf8').catch((error: unknown) => error as Error);
    if (text instanceof Error) return fail(`Cannot read ${argument}: ${text.message}`);
    const answer = await importRescueFile(store, text);
    if (!answer.ok) return fail(`Refused (${answer.error}): ${answer.message}`);
    console.log(`From ${escapeName(answer.device.name)} (${answer.device.id}, team ${answer.device.teamId}):`);
    for (const result of answer.results) {
      const reasons = result.errors ? `  ${result.errors.map((problem) => problem.message).join('; ')}` : '';
      console.log(`  ${result.clientId ?? '(no client id)'}  ${result.status}${reasons}`);
    }
    const counts = tally(answer.results);
    console.log(
      `created ${counts.created}, duplicate ${counts.duplicate}, conflict ${counts.conflict}, invalid ${counts.invalid}`,
    );
  } else if (command === 'rebuild-summaries') {
    // Kept current at every insert, quarantine and release: this repairs them if that ever failed.
    const started = performance.now();
    await store.rebuildSummaries();
    console.log(
      `Rebuilt the summary tables of the reports and the review list from ${await store.count()} log(s) in reports, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } else if (command === 'init') {
    const first = await ensureFirstCoordinator(store);
    if (first) {
      console.log(`\nFirst start: created the team "${first.team.name}" (coordinator, ${first.team.id}).`);
      // A terminal shows the code to the person; a pipe (a service log) never gets it.
      if (process.stdout.isTTY) printCode(first.code);
      else
        console.log(
          `Its enrolment code is in ${writeFirstCodeFile(first.code, readStoreEnv().DATA_DIR ?? './data')} (readable by this user only).`,
        );
      console.log('');
    }
  } else {
    return fail(usage);
  }
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

/** The arguments, or undefined after printing the usage for an unknown option such as `--help`. */
function readArguments() {
  try {
    return parseArgs({ allowPositionals: true, options: { coordinator: { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`${(error as Error).message.split('.')[0] ?? ''}.\n${usage}`);
    return undefined;
  }
}

const parsed = readArguments();
if (!parsed) process.exit(2);
const { positionals, values } = parsed;
const { store } = openStore();
try {
  await store.migrate();
  process.exitCode = await run(store, positionals[0], positionals.slice(1), values.coordinator);
} finally {
  await store.close();
}
