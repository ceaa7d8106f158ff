// `npm run test:browser`: the printable HTML return in headless Chromium (Debian's package, never a downloaded one).
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default { ...base, testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'], maxWorkers: 1 };
