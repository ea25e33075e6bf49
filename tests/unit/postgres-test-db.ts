/**
 * The PostgreSQL the tests run against: TEST_DATABASE_URL, which `scripts/with-postgres.sh` (and so
 * `npm test`, `npm run test:unit`, `npm run test:e2e`) sets to a throwaway server. Without it the
 * PostgreSQL tests fail with what to do: a suite that skips would let a broken engine ship.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../../src/sessions/postgres-store.ts';
import type { SessionStore } from '../../src/sessions/store.ts';

/** The URL; throws, saying how to get one, when it is not set. */
export function testDatabaseUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (url) return url;
  throw new Error(
    'TEST_DATABASE_URL is not set: run the tests with `npm test` or `npm run test:unit`, which start a throwaway PostgreSQL (scripts/with-postgres.sh; needs `apt-get install postgresql`), or set TEST_DATABASE_URL to a database of your own.',
  );
}

/** `url` with its search_path set to `schema`, so a store opened on it sees that schema only. */
export function withSearchPath(url: string, schema: string): string {
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return scoped.toString();
}

/**
 * Fresh, empty schemas in one database, each a store of its own: a test gets a new one in
 * milliseconds, where a new database would take a second. `dropAll` removes them afterwards.
 */
export function schemaFactory(url: string): {
  freshUrl: () => Promise<string>;
  freshStore: () => Promise<SessionStore>;
  dropAll: () => Promise<void>;
} {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const made: string[] = [];
  const freshUrl = async () => {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    made.push(schema);
    return withSearchPath(url, schema);
  };
  return {
    freshUrl,
    freshStore: async () => openPostgresStore(await freshUrl(), { poolSize: 4 }),
    dropAll: async () => {
      for (const schema of made.splice(0)) {
        // Servers a test has just stopped may still be rolling back on the schema: try again.
        for (let attempt = 1; ; attempt++) {
          try {
            await admin.query(`DROP SCHEMA ${schema} CASCADE`);
            break;
          } catch (error) {
            if (attempt === 5) throw error;
            await new Promise((done) => setTimeout(done, 200 * attempt));
          }
        }
      }
      await admin.end();
    },
  };
}
