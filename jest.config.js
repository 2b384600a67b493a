/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { globalsCleanup: 'off' },
  roots: ['<rootDir>/tests', '<rootDir>/plugins', '<rootDir>/packages'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/tests/bench/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tests/tsconfig.json' }],
    // request-filtering-agent ships ES modules only: Node 20.19+ requires it natively, jest's module
    // registry does not, so jest (and only jest) compiles it to CommonJS.
    '/node_modules/request-filtering-agent/.+\\.js$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  transformIgnorePatterns: ['/node_modules/(?!request-filtering-agent/)'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  maxWorkers: 1,
  testTimeout: 180000,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/plugins/.*/dist/'],
};
