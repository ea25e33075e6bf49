import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/sessions/open-store.ts';

const folder = mkdtempSync(join(tmpdir(), 'open-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('choosing the session store', () => {
  it('keeps the SQLite file in DATA_DIR when no DATABASE_URL is set', async () => {
    const { store, where } = openStore({ DATA_DIR: folder, DATABASE_URL: '' });
    await store.migrate();
    await store.close();
    expect(where).toBe(`SQLite ${join(folder, 'sessions.sqlite')}`);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and never repeats its password', async () => {
    // The pool connects on the first query, so none is needed to see the choice.
    const { store, where } = openStore({
      DATABASE_URL: 'postgres://outreach:s3cret@db.example.org:5432/outreach?sslmode=require',
      DATA_DIR: folder,
    });
    await store.close();
    expect(where).toBe('PostgreSQL db.example.org:5432/outreach');
  });

  it('names the variable and the fix when DATABASE_URL or DATABASE_POOL_SIZE is wrong', () => {
    expect(() => openStore({ DATABASE_URL: 'mysql://db/outreach' })).toThrow(
      /DATABASE_URL: use a URL like postgres:\/\//,
    );
    expect(() => openStore({ DATABASE_URL: 'postgres://db/outreach', DATABASE_POOL_SIZE: 'many' })).toThrow(
      /DATABASE_POOL_SIZE/,
    );
  });
});
