/**
 * A sliding-window counter per key (a client address), in memory: enough for one server process.
 * Several processes behind a balancer would each count apart; a shared store would then be needed.
 */
export interface RateLimiter {
  /** Seconds until `key` may try again, or 0 when it may now. */
  retryAfter(key: string, now?: number): number;
  /** Counts one event for `key`. */
  record(key: string, now?: number): void;
}

/** At most `limit` events per `windowMs` for each key. */
export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
  const events = new Map<string, number[]>();
  const recent = (key: string, now: number) => (events.get(key) ?? []).filter((time) => time > now - windowMs);

  return {
    retryAfter(key, now = Date.now()) {
      const times = recent(key, now);
      if (times.length < limit) return 0;
      return Math.max(1, Math.ceil((times[times.length - limit]! + windowMs - now) / 1000));
    },
    record(key, now = Date.now()) {
      events.set(key, [...recent(key, now), now].slice(-limit));
      // Forget quiet keys now and then, so the map cannot grow without bound.
      if (events.size > 10_000) for (const [other] of events) if (recent(other, now).length === 0) events.delete(other);
    },
  };
}
