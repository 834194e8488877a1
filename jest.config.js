/** Native ESM through @swc/jest: run with NODE_OPTIONS=--experimental-vm-modules (npm test does). */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  testTimeout: 30000,
  // Most suites wait on PostgreSQL, child processes or the browser: two workers keep both cores busy.
  maxWorkers: 2,
};
