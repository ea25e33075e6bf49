/**
 * The server's answers about a refused log: the schema is written with zod/mini, which loads no
 * messages, yet API clients and the server's logs keep an English sentence for every problem.
 */
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/sessions/log-versions.ts';
import { validLog } from '../fixtures/session-logs.ts';

describe('a refused log', () => {
  it('is described in English sentences, with the rule the form translates', () => {
    const parsed = parseLog({ ...validLog(), durationMinutes: 601, setting: 'cafe' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.problems).toEqual([
      { path: 'durationMinutes', rule: 'too_big', message: 'durationMinutes: Too big: expected number to be <=600' },
      {
        path: 'setting',
        rule: 'invalid_value',
        message: expect.stringMatching(/^setting: Invalid option: expected one of /),
      },
    ]);
  });
});
