const ESM_PACKAGES = '(request-filtering-agent|sanitize-html/node_modules/(htmlparser2|domhandler|domutils|entities|dom-serializer|domelementtype))/';
const ESM_ONLY = `/node_modules/${ESM_PACKAGES}`;

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { globalsCleanup: 'off' },
  roots: ['<rootDir>/tests', '<rootDir>/plugins', '<rootDir>/packages', '<rootDir>/database'],
  testMatch: ['**/*.test.ts'],
  // The browser suite (tests/e2e) runs with the rest unless JIYUE_E2E=off: CI runs it once, in its own phase on SQLite.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/tests/bench/', ...(process.env.JIYUE_E2E === 'off' ? ['/tests/e2e/'] : [])],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tests/tsconfig.json' }],
    // Some kernel dependencies ship ES modules only (request-filtering-agent; sanitize-html's
    // htmlparser2 12 and its dom* helpers). Node 20.19+ requires them natively; jest's module
    // registry does not, so jest (and only jest) compiles them to CommonJS.
    [`${ESM_ONLY}.+\\.js$`]: '<rootDir>/tests/helpers/esm-to-cjs.js',
  },
  transformIgnorePatterns: [`^(?!.*${ESM_ONLY}).*/node_modules/`],
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  testSequencer: '<rootDir>/tests/helpers/sequencer.js',
  maxWorkers: 1,
  testTimeout: 180000,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/plugins/.*/dist/'],
};
