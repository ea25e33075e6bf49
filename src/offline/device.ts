/**
 * This device's enrolment: a team member enrols the phone once, online, with the one-time code
 * from `npm run teams -- add`, and the token it receives is kept in IndexedDB. DOM-free.
 */
import { database, type Enrolment } from './db.ts';

export type { Enrolment };

export async function getEnrolment(): Promise<Enrolment | undefined> {
  return (await database()).get('device', 'enrolment');
}

/** Forgets the token (after a revocation); the outbox keeps every log. */
export async function forgetEnrolment(): Promise<void> {
  await (await database()).delete('device', 'enrolment');
}

/** Why an enrolment failed, for a message in the user's language. */
export class EnrolError extends Error {
  override name = 'EnrolError';
  constructor(readonly reason: 'offline' | 'invalid' | 'refused' | 'tooMany' | 'server') {
    super(reason);
  }
}

interface EnrolAnswer {
  token: string;
  deviceId: string;
  team: { id: string; name: string };
  role: 'team' | 'coordinator';
}

/**
 * Enrols this device: `POST /api/enrol/`, then keeps the answer. Throws EnrolError:
 * `offline` (no connection), `invalid` (400), `refused` (403: unknown, used or expired code),
 * `tooMany` (429), `server` (anything else).
 */
export async function enrol(code: string, deviceName: string): Promise<Enrolment> {
  const response = await fetch('/api/enrol/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: code.trim().toUpperCase(), deviceName: deviceName.trim() }),
  }).catch(() => {
    throw new EnrolError('offline');
  });
  if (response.status === 400) throw new EnrolError('invalid');
  if (response.status === 403) throw new EnrolError('refused');
  if (response.status === 429) throw new EnrolError('tooMany');
  if (response.status !== 201 && response.status !== 200) throw new EnrolError('server');
  const answer = (await response.json()) as EnrolAnswer;
  const enrolment: Enrolment = {
    token: answer.token,
    deviceId: answer.deviceId,
    team: answer.team,
    role: answer.role,
    enrolledAt: new Date().toISOString(),
  };
  await (await database()).put('device', enrolment, 'enrolment');
  return enrolment;
}
