/**
 * The store the API routes share: one per server process, opened on the first request that needs
 * it, migrated before use. Its file is `${DATA_DIR ?? './data'}/sessions.sqlite`.
 */
import { openSqliteStore, sqliteFile } from './sqlite-store.ts';
import type { SessionStore } from './store.ts';

let opened: Promise<SessionStore> | undefined;

/** The process-wide session store. */
export function sessionStore(): Promise<SessionStore> {
  opened ??= (async () => {
    const store = openSqliteStore(sqliteFile());
    await store.migrate();
    return store;
  })().catch((error: unknown) => {
    // Let the next request try again (a full disk, a locked file) rather than fail forever.
    opened = undefined;
    throw error;
  });
  return opened;
}
