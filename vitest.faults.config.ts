import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the full fault suite (live load for minutes, dozens of SIGKILL trials, thousands of fuzz
// runs). One file at a time: the load and kill tests measure the machine and must not compete with each other.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
    env: { TZ: 'America/Los_Angeles', ALMANAC_FAULTS: 'full' },
  },
});
