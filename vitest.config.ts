import { defineConfig } from 'vitest/config';

/**
 * The suites that need the built command line (dist/), the recipe corpus or an outside program such as pre-commit or
 * Neovim.
 * `npm run test:unit` leaves them out, for a loop of well under a minute; `npm test` runs everything.
 */
const endToEnd = [
  'test/action.test.ts',
  'test/build.test.ts',
  'test/cli/**',
  'test/core/pool.test.ts',
  'test/corpus*.test.ts',
  'test/fix/cli-fix.test.ts',
  'test/fix/corpus-fix.test.ts',
  'test/hostile/**',
  'test/lsp/neovim.test.ts',
  'test/lsp/protocol.test.ts',
  'test/lsp/shellcheck.test.ts',
  'test/package.test.ts',
  'test/pre-commit.test.ts',
  'test/shellcheck/cache-concurrency.test.ts',
  'test/validated/corpus-validated.test.ts',
];

const shared = { testTimeout: 300_000, hookTimeout: 120_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    reporters: ['default', './test/count-reporter.ts'],
    globalSetup: ['./test/temp-folder.ts'],
    projects: [
      { test: { ...shared, name: 'unit', include: ['test/**/*.test.ts'], exclude: endToEnd } },
      { test: { ...shared, name: 'end-to-end', include: endToEnd.map((glob) => (glob.endsWith('/**') ? `${glob}/*.test.ts` : glob)) } },
    ],
  },
});
