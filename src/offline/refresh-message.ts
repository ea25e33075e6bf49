/** The sentence that tells a teacher what a background refresh did, in the page's language. */
import type { RefreshReport } from './refresh.ts';
import { format, type Strings } from './strings.ts';

const titles = (packs: readonly { title: string }[]) => packs.map((pack) => pack.title).join(', ');

/**
 * Failures first (the teacher must know an old copy is still in use, and why), then updates;
 * empty when there is nothing to say.
 */
export function refreshMessage(report: RefreshReport, strings: Strings): string {
  const quota = report.failed.filter((failure) => failure.reason === 'quota').map((failure) => failure.pack);
  const other = report.failed.filter((failure) => failure.reason !== 'quota').map((failure) => failure.pack);
  const parts: string[] = [];
  if (quota.length > 0) parts.push(format(strings['offline.refreshQuota'], { titles: titles(quota) }));
  if (other.length > 0) parts.push(format(strings['offline.refreshFailed'], { titles: titles(other) }));
  if (report.updated.length > 0) parts.push(format(strings['offline.updated'], { titles: titles(report.updated) }));
  return parts.join(' ');
}

/** Fired on the window when saved packs changed (updated, marked, or a newer version noted). */
export const savedPacksChanged = 'saved-packs-changed';
