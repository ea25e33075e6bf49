/**
 * Which engine holds the session store, chosen the same way by the server and the teams command:
 * PostgreSQL when DATABASE_URL is set (several app servers sharing one database), else the SQLite
 * file in DATA_DIR (one machine). The variables are checked with zod so a typo names itself.
 */
import { z } from 'zod';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore, sqliteFile } from './sqlite-store.ts';
import type { SessionStore } from './store.ts';

const storeEnvSchema = z.object({
  /** A PostgreSQL URL, e.g. `postgres://outreach:secret@db.example.org:5432/outreach?sslmode=require`. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'use a URL like postgres://user:password@host:5432/database')
    .optional(),
  /** Connections each server process keeps to PostgreSQL; mind the database's max_connections. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** The folder of the SQLite file when there is no DATABASE_URL. */
  DATA_DIR: z.string().min(1).optional(),
});

export type StoreEnv = z.infer<typeof storeEnvSchema>;

/** Reads and checks the store's variables (empty ones count as unset); throws naming each bad one. */
export function readStoreEnv(env: Record<string, string | undefined> = process.env): StoreEnv {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in storeEnvSchema.shape && value !== ''),
  );
  const result = storeEnvSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Session store settings are invalid:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

/** The store the variables choose, not yet migrated; and where it is, for messages (no password). */
export function openStore(env: Record<string, string | undefined> = process.env): {
  store: SessionStore;
  where: string;
} {
  const settings = readStoreEnv(env);
  if (settings.DATABASE_URL) {
    const url = new URL(settings.DATABASE_URL);
    return {
      store: openPostgresStore(settings.DATABASE_URL, { poolSize: settings.DATABASE_POOL_SIZE }),
      where: `PostgreSQL ${url.host}${url.pathname}`,
    };
  }
  const file = sqliteFile(settings.DATA_DIR ?? './data');
  return { store: openSqliteStore(file), where: `SQLite ${file}` };
}
