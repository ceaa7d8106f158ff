// `npm run test:reliability`: outages, shutdown, killed imports, fuzzing and concurrency (test/reliability). Some
// tests spawn the built server (`dist/`, built by the npm script), so they run one file at a time.
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['<rootDir>/test/reliability/**/*.reliability-spec.ts'],
  maxWorkers: 1,
  testTimeout: 180000,
};
