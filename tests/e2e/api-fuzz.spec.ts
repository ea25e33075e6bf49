/**
 * Property: whatever body a device sends to /api/sessions/ (random JSON, random text, a valid log
 * mutated: wrong types, missing or extra keys, huge numbers, nested garbage, batches of those),
 * the server never answers 5xx and never stores a log the schema would reject.
 */
import { Agent } from 'node:http';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { sessionLogSchema } from '../../src/sessions/schema.ts';
import { validLog } from '../fixtures/session-logs.ts';
import { enrolDevice, rawPost, withStore } from './api-helpers.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every place in a value that a mutation can change: the root, each key, each array item. */
function pathsOf(value: Json, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const children = Array.isArray(value)
    ? value.map((item, index) => pathsOf(item, [...path, index]))
    : Object.entries(value).map(([key, item]) => pathsOf(item, [...path, key]));
  return [path, ...children.flat()];
}

const garbage: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.string(),
  fc.integer({ min: -3000, max: 3000 }),
  fc.double().map((value) => (Number.isFinite(value) ? value : 1e308)),
  fc.constantFrom<Json>(
    -1,
    0,
    1,
    1.5,
    2000,
    2001,
    1e21,
    -1e308,
    2 ** 53 + 1,
    '',
    '0',
    '34',
    'NaN',
    null,
    true,
    [],
    {},
    [[[[]]]],
    { __proto__: 1 },
  ),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);

const mutation = fc.record({
  kind: fc.constantFrom('set', 'delete', 'add'),
  pick: fc.nat(),
  key: fc.string({ maxLength: 12 }),
  value: garbage,
});

/** A valid log with 0 to 4 mutations: about a fifth come out valid and are stored. */
const mutatedLog: fc.Arbitrary<Json> = fc
  .tuple(fc.uuid({ version: 4 }), fc.array(mutation, { maxLength: 4 }))
  .map(([clientId, mutations]) => {
    let log = { ...validLog(), clientId } as unknown as Json;
    for (const { kind, pick, key, value } of mutations) {
      const paths = pathsOf(log);
      const path = paths[pick % paths.length]!;
      if (path.length === 0) {
        log = kind === 'set' ? value : log;
        continue;
      }
      const parent = path
        .slice(0, -1)
        .reduce<Json>((node, step) => (node as Record<string, Json>)[step]!, log) as Record<string, Json>;
      const last = path[path.length - 1]!;
      if (kind === 'set') parent[last] = value;
      else if (kind === 'delete') Reflect.deleteProperty(parent, last);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the cast above serves set and delete; at run time a fuzzed path can end in an array or a primitive
      else if (typeof parent === 'object' && parent !== null && !Array.isArray(parent)) parent[key] = value;
    }
    return log;
  });

/** The raw text of a body: JSON of a value, or text that is mostly not JSON at all. */
const body: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: mutatedLog.map((log) => JSON.stringify(log)) },
  { weight: 2, arbitrary: fc.array(mutatedLog, { minLength: 1, maxLength: 8 }).map((logs) => JSON.stringify(logs)) },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.nat({ max: 900 }).map((end) => JSON.stringify(validLog()).slice(0, end)),
    ),
  },
);

test('5,000 random and mutated bodies: never a 5xx, never an invalid log stored', async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const device = await enrolDevice(request);
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${device.token}` };
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const statuses = new Map<number, number>();
  try {
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const response = await rawPost(`${baseURL!}/api/sessions/`, headers, [text], agent);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, text.slice(0, 300)).toBeLessThan(500);
        // Every answer is JSON, errors with a code.
        const answer = JSON.parse(response.body) as { error?: string };
        if (response.status >= 400 && response.status !== 409) expect(answer.error).toEqual(expect.any(String));
      }),
      { numRuns: 5000 },
    );
  } finally {
    agent.destroy();
  }

  const stored = await withStore((store) => store.list({ deviceId: device.deviceId }));
  const invalid = stored.filter(
    ({ receivedAt: _r, teamId: _t, deviceId: _d, ...log }) => !sessionLogSchema.safeParse(log).success,
  );
  expect(invalid).toEqual([]);
  console.log(`answers: ${JSON.stringify(Object.fromEntries(statuses))}; stored: ${stored.length}`);
  // The property means something only when valid logs were among the bodies.
  expect(stored.length).toBeGreaterThan(200);
  expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
});
