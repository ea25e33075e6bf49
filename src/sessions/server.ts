/**
 * The store the API routes share: one per server process, opened on the first request that needs
 * it, migrated before use: PostgreSQL when DATABASE_URL is set, else the SQLite file
 * `${DATA_DIR ?? './data'}/sessions.sqlite` (`open-store.ts`).
 */
import { openStore } from './open-store.ts';
import type { SessionStore } from './store.ts';

let opened: Promise<SessionStore> | undefined;

/** The process-wide session store. */
export function sessionStore(): Promise<SessionStore> {
  opened ??= (async () => {
    const { store } = openStore();
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  })().catch((error: unknown) => {
    // Let the next request try again (a full disk, a locked file, a database restarting) rather
    // than fail forever.
    opened = undefined;
    throw error;
  });
  return opened;
}
