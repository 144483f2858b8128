import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    pool: 'forks',
    // the tests exercise the caches of src/cli/cache.ts, away from the user's own
    env: { PEACESIM_CACHE_DIR: join(tmpdir(), 'peacesim-test-cache') },
  },
});
