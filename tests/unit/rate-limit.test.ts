import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/sessions/rate-limit.ts';

describe('rate limiter', () => {
  it('lets an address try again once its oldest counted attempt leaves the window', () => {
    const limiter = createRateLimiter(3, 60_000);
    for (const time of [0, 10_000, 20_000]) {
      expect(limiter.retryAfter('10.0.0.1', time)).toBe(0);
      limiter.record('10.0.0.1', time);
    }
    expect(limiter.retryAfter('10.0.0.1', 30_000)).toBe(30);
    expect(limiter.retryAfter('10.0.0.2', 30_000)).toBe(0);
    expect(limiter.retryAfter('10.0.0.1', 60_001)).toBe(0);
    limiter.record('10.0.0.1', 60_001);
    expect(limiter.retryAfter('10.0.0.1', 60_002)).toBe(10);
  });
});
