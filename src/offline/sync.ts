/**
 * When the page sends the outbox: on load, when the connection returns (`online`), when the
 * page is shown again, on a timer with exponential backoff while logs wait (5 s doubling to
 * 5 min), from "Sync now" and after a log is saved; and, where the browser has Background Sync,
 * the service worker sends them too, even after the page is closed (src/sw/sw.ts): the page asks
 * for it when a log is saved and when it is hidden with logs waiting, not after each failed try
 * (the browser would fire it at once and double the requests to a failing server).
 */
import { logsIn } from './outbox.ts';
import { syncOutbox, syncTag, type SyncOutcome } from './sync-core.ts';

export type { SyncOutcome };

export interface SyncStatus {
  running: boolean;
  outcome?: SyncOutcome | undefined;
  /** When the timer tries again (ms since the epoch), while logs wait. */
  retryAt?: number | undefined;
}

const firstDelay = 5_000;
const maxDelay = 5 * 60_000;

/**
 * The wait before the next try after `failures` failed ones: 5 s, 10 s, 20 s … at most 5 min,
 * spread ±20 % so many phones coming back at once do not knock together.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  return Math.min(Math.round(firstDelay * 2 ** failures * (0.8 + 0.4 * random())), maxDelay);
}

/** Asks the browser to run the worker's sync when the connection returns; a no-op without Background Sync. */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = (await (navigator as Partial<Navigator>).serviceWorker?.getRegistration()) as
      (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await registration?.sync?.register(syncTag);
  } catch {
    // Refused (e.g. no permission): the page's own triggers remain.
  }
}

export interface SyncScheduler {
  /** Sends now; a call while a sync runs makes one more run after it, unless that one failed (the timer then retries). */
  syncNow: () => Promise<SyncOutcome>;
  stop: () => void;
}

export function startSync(onStatus: (status: SyncStatus) => void): SyncScheduler {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<SyncOutcome> | undefined;
  let again = false;
  let stopped = false;
  let waiting = 0;

  const once = async (): Promise<SyncOutcome> => {
    if (!navigator.onLine) return { kind: 'offline', waiting: (await logsIn('waiting')).length };
    onStatus({ running: true });
    return syncOutbox().catch(async (): Promise<SyncOutcome> => ({
      kind: 'server',
      waiting: (await logsIn('waiting')).length,
    }));
  };

  const syncNow = (): Promise<SyncOutcome> => {
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(timer);
    running = (async () => {
      let outcome: SyncOutcome;
      do {
        again = false;
        outcome = await once();
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set again by a call made while awaiting (typescript-eslint cannot see that)
      } while (again && outcome.kind === 'done' && !stopped);
      running = undefined;
      waiting = outcome.waiting;
      let retryAt: number | undefined;
      if ((outcome.kind === 'offline' || outcome.kind === 'server') && outcome.waiting > 0 && !stopped) {
        // At least as long as a server that refused with 429 asked (its Retry-After).
        const delay = Math.max(
          backoffDelay(failures++),
          outcome.kind === 'server' ? (outcome.retryAfter ?? 0) * 1000 : 0,
        );
        retryAt = Date.now() + delay;
        timer = setTimeout(() => void syncNow(), delay);
      } else {
        failures = 0;
      }
      onStatus({ running: false, outcome, retryAt });
      return outcome;
    })();
    return running;
  };

  const onOnline = () => {
    failures = 0;
    void syncNow();
  };
  // Shown again: try now. Hidden (maybe for good) with logs waiting: leave them to Background Sync.
  const onVisible = () => {
    if (document.visibilityState === 'visible') void syncNow();
    else if (waiting > 0) void requestBackgroundSync();
  };
  addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  void syncNow();
  return {
    syncNow,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
