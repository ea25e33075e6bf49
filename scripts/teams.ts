/**
 * `npm run teams -- <command>`: manage the teams and devices that may send session logs.
 *
 *   add "<team name>" [--coordinator]   a new team and its one-time enrolment code (7 days)
 *   code <team id>                      a new enrolment code for a team
 *   list                                teams, their devices, last sync and logs sent
 *   revoke <device id | team id>        a device, or a team with all its devices, can no longer send
 *   init                                on an empty store only: a "Coordinators" team and its code
 *   import <file.json>                  a phone's exported unsent logs, each stored once, under its device
 *
 * Works on the server's store, chosen the same way (src/sessions/open-store.ts): PostgreSQL when
 * DATABASE_URL is set, else `${DATA_DIR ?? './data'}/sessions.sqlite`; safe while the server runs.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ensureFirstCoordinator } from '../src/sessions/first-run.ts';
import { openStore } from '../src/sessions/open-store.ts';
import { importRescueFile, tally } from '../src/sessions/rescue-import.ts';
import type { EnrolmentCode, SessionStore, TeamSummary } from '../src/sessions/store.ts';

const usage = `Usage: npm run teams -- add "<team name>" [--coordinator] | code <team id> | list | revoke <device or team id> | init | import <file.json>`;

const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : '—');

function printCode(code: EnrolmentCode): void {
  console.log(`Enrolment code: ${code.code}  (one use, valid until ${day(code.expiresAt)})`);
  console.log("Type it on the phone's session-log page (/vi/log/, or another language's) to enrol that phone.");
}

function printTeams(teams: TeamSummary[]): void {
  if (teams.length === 0) console.log('No teams yet: npm run teams -- add "<team name>"');
  for (const team of teams) {
    const sent = team.devices.reduce((sum, device) => sum + device.logsSent, 0);
    console.log(`${team.id}  ${team.name}  (${team.role}${team.revokedAt ? `, revoked ${day(team.revokedAt)}` : ''})  ${team.devices.length} device(s), ${sent} log(s)`);
    for (const device of team.devices) {
      const state = device.revokedAt ? `revoked ${day(device.revokedAt)}` : `enrolled ${day(device.enrolledAt)}`;
      console.log(`  ${device.id}  ${device.name}  ${state}, last sync ${day(device.lastSyncAt)}, ${device.logsSent} log(s)`);
    }
  }
}

async function run(store: SessionStore, command: string | undefined, args: string[], coordinator: boolean): Promise<number> {
  const [argument] = args;
  if (command === 'add' && argument?.trim()) {
    const team = await store.createTeam(argument.trim(), coordinator ? 'coordinator' : 'team');
    console.log(`Team "${team.name}" (${team.role}) created: ${team.id}`);
    printCode((await store.createEnrolmentCode(team.id)) as EnrolmentCode);
  } else if (command === 'code' && argument) {
    const code = await store.createEnrolmentCode(argument);
    if (typeof code === 'string') return fail(`No team ${argument} that can enrol devices (${code}); see npm run teams -- list`);
    printCode(code);
  } else if (command === 'list') {
    printTeams(await store.listTeams());
  } else if (command === 'revoke' && argument) {
    const revoked = await store.revoke(argument);
    if (revoked === 'unknown') return fail(`No device or team ${argument}; see npm run teams -- list`);
    console.log(`Revoked ${revoked.kind} ${revoked.id} (${revoked.name})${revoked.kind === 'team' ? ': none of its devices can send logs now' : ''}.`);
  } else if (command === 'import' && argument) {
    const text = await readFile(argument, 'utf8').catch((error: Error) => error);
    if (text instanceof Error) return fail(`Cannot read ${argument}: ${text.message}`);
    const answer = await importRescueFile(store, text);
    if (!answer.ok) return fail(`Refused (${answer.error}): ${answer.message}`);
    console.log(`From ${answer.device.name} (${answer.device.id}, team ${answer.device.teamId}):`);
    for (const result of answer.results) {
      const reasons = result.errors ? `  ${result.errors.map((problem) => problem.message).join('; ')}` : '';
      console.log(`  ${result.clientId ?? '(no client id)'}  ${result.status}${reasons}`);
    }
    const counts = tally(answer.results);
    console.log(`created ${counts.created}, duplicate ${counts.duplicate}, conflict ${counts.conflict}, invalid ${counts.invalid}`);
  } else if (command === 'init') {
    const first = await ensureFirstCoordinator(store);
    if (first) {
      console.log(`\nFirst start: created the team "${first.team.name}" (coordinator, ${first.team.id}).`);
      printCode(first.code);
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
    console.error(`${(error as Error).message.split('.')[0]}.\n${usage}`);
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
