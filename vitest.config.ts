import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['tests/fast-check-seed.ts'],
    env: {
      // the tests exercise the caches of src/cli/cache.ts, away from the user's own
      PEACESIM_CACHE_DIR: join(tmpdir(), 'peacesim-test-cache'),
      // the tests read the commands' text unwrapped (a sentence is one line); tests/cli/wrap.test.ts checks the
      // wrapping to the terminal itself, at the widths it sets
      COLUMNS: '10000',
    },
  },
});
