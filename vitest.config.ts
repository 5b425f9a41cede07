import { defineConfig } from 'vitest/config';

// Integration tests talk to a real Redis (random key prefixes), real DuckDB files in temp dirs,
// a real Chromium and a real SMTP server; two workers match this 2-core machine.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A host time zone that is neither UTC nor the report zone catches code that leans on the process zone.
    env: { TZ: 'America/Los_Angeles' },
    // CI also writes a JSON report so .ci/run can print a plain "N passed, N failed" closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/results/vitest.json' }]] : ['default'],
  },
});
