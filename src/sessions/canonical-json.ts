/** Dependency-free, for the server's stores and the phone's outbox alike. */

/**
 * A log's canonical JSON: keys sorted at every level, so the same log sent twice compares equal
 * whatever order the device wrote its keys in. Array order is kept (it is part of the log).
 * Example: `canonicalJson({ b: 1, a: [2, 1] })` is `{"a":[2,1],"b":1}`.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
