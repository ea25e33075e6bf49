/**
 * The PostgreSQL the tests run against: TEST_DATABASE_URL, which `scripts/with-postgres.sh` (and so
 * `.ci/run` and `npm run test:pg`) sets to a throwaway server. Outside CI, without it, the
 * PostgreSQL tests skip and say why; in CI (CI=true) a missing URL fails them: a suite that
 * silently skips there would let a broken engine ship.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../../src/sessions/postgres-store.ts';
import type { SessionStore } from '../../src/sessions/store.ts';

const inCi = !!process.env['CI'] && !['false', '0'].includes(process.env['CI']!);

/** The URL, or undefined (after printing why) when the PostgreSQL tests are to skip; throws in CI. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env['TEST_DATABASE_URL'] || undefined;
  if (url) return url;
  if (inCi) throw new Error('CI is set but TEST_DATABASE_URL is not: run the tests through scripts/with-postgres.sh (as .ci/run does), never skip PostgreSQL in CI.');
  console.warn('Skipping the PostgreSQL tests: TEST_DATABASE_URL is not set. Run them with `npm run test:pg` (a throwaway PostgreSQL) or set TEST_DATABASE_URL.');
  return undefined;
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
export function schemaFactory(url: string): { freshUrl: () => Promise<string>; freshStore: () => Promise<SessionStore>; dropAll: () => Promise<void> } {
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
