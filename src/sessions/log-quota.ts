/**
 * How fast one device may send logs, so one enrolled phone cannot flood the reports (10,000 fake
 * logs in 2.5 s): at most LOG_QUOTA_PER_HOUR new logs in any hour, counted in the session store
 * from the logs themselves (so every server behind a balancer shares the count, and a restart
 * forgets nothing), and at most LOG_BATCHES_PER_MINUTE requests a minute, counted in this process.
 * Over either: 429 with `Retry-After` (seconds), which the phone's outbox honours
 * (src/offline/sync-core.ts). The hourly count is read before storing: requests of one device in
 * flight at once may pass together, by at most one batch (100 logs) each.
 */
import { z } from 'zod';
import { apiError } from './http.ts';
import { createRateLimiter } from './rate-limit.ts';
import type { SessionStore } from './store.ts';

const hourMs = 60 * 60 * 1000;

const quotaEnvSchema = z.object({
  /** New logs one device may send in any hour; at least one full batch (100). */
  LOG_QUOTA_PER_HOUR: z.coerce.number().int().min(100).max(1_000_000).default(300),
  /** Requests (a log or a batch of up to 100) one device may send a minute, per server process. */
  LOG_BATCHES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
});

export type QuotaEnv = z.infer<typeof quotaEnvSchema>;

/** Reads and checks the quota variables (empty ones count as unset); throws naming each bad one. */
export function readQuotaEnv(env: Record<string, string | undefined> = process.env): QuotaEnv {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in quotaEnvSchema.shape && value !== ''),
  );
  const result = quotaEnvSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Log quota settings are invalid:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

export interface LogQuota {
  /** The 429 to answer when `deviceId` may not store `incoming` more logs now, else undefined. */
  check(store: SessionStore, deviceId: string, incoming: number, now?: Date): Promise<Response | undefined>;
}

/** The quota of `limits`, with its own per-minute counter. */
export function createLogQuota(limits: QuotaEnv): LogQuota {
  const requests = createRateLimiter(limits.LOG_BATCHES_PER_MINUTE, 60 * 1000);
  const tooMany = (wait: number, error: string, message: string) =>
    apiError(429, error, `${message} Try again in ${wait} s.`, { 'Retry-After': String(wait) });
  return {
    async check(store, deviceId, incoming, now = new Date()) {
      const wait = requests.retryAfter(deviceId, now.getTime());
      if (wait > 0)
        return tooMany(
          wait,
          'tooManyRequests',
          `This device may send at most ${limits.LOG_BATCHES_PER_MINUTE} requests a minute.`,
        );
      requests.record(deviceId, now.getTime());
      const window = {
        deviceId,
        receivedFrom: new Date(now.getTime() - hourMs).toISOString(),
        includeQuarantined: true,
      };
      const received = await store.count(window);
      const over = received + incoming - limits.LOG_QUOTA_PER_HOUR;
      if (over <= 0) return undefined;
      // When enough of this hour's logs have left the window for these to fit.
      const leaving = (await store.list({ ...window, limit: over })).at(-1);
      const fits = leaving ? Date.parse(leaving.receivedAt) + hourMs : now.getTime() + hourMs;
      return tooMany(
        Math.max(1, Math.ceil((fits - now.getTime()) / 1000)),
        'quotaExceeded',
        `This device has sent ${received} logs in the last hour; it may send at most ${limits.LOG_QUOTA_PER_HOUR} an hour.`,
      );
    },
  };
}
