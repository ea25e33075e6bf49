/**
 * The phone's own tally of its logs, from the outbox alone (it works offline): waiting, sent and
 * rejected, and the people reached this month from sent logs, so a team can settle what the
 * coordinator's reports show for this device. DOM-free.
 */
import { todayInLaoCai } from '../sessions/schema.ts';
import type { OutboxEntry } from './db.ts';

export interface PhoneTally {
  /** Still to send (waiting, or in a request now). */
  waiting: number;
  /** Sent and kept as history (the last 30 days). */
  sent: number;
  /** Refused by the server (invalid or a conflict): each needs a correction. */
  rejected: number;
  /** Attendance of the sent logs whose session took place this month in Lao Cai. */
  peopleThisMonth: number;
}

export function phoneTally(entries: readonly Pick<OutboxEntry, 'state' | 'log'>[], now = new Date()): PhoneTally {
  const month = todayInLaoCai(now).slice(0, 7);
  const tally: PhoneTally = { waiting: 0, sent: 0, rejected: 0, peopleThisMonth: 0 };
  for (const { state, log } of entries) {
    if (state === 'waiting' || state === 'sending') tally.waiting += 1;
    else if (state === 'rejected' || state === 'conflict') tally.rejected += 1;
    else {
      tally.sent += 1;
      if (log.date.startsWith(month)) tally.peopleThisMonth += log.attendance.total;
    }
  }
  return tally;
}
