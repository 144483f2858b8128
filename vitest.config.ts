import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    pool: 'forks',
    // the tests read the commands' text unwrapped (a sentence is one line); tests/cli/wrap.test.ts checks the
    // wrapping to the terminal itself, at the widths it sets
    env: { COLUMNS: '10000' },
  },
});
