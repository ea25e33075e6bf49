import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Hooks create and drop real PostgreSQL schemas and SQLite files: on a busy 2-core machine that can pass 10 s.
    hookTimeout: 60_000,
  },
});
