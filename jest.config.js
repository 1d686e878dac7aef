/** One Jest run for every test: pure units, the API against real PostgreSQL, and the browser. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@bluetick/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@bluetick/providers$': '<rootDir>/libs/providers/src/index.ts',
    '^@bluetick/tracking$': '<rootDir>/libs/tracking/src/index.ts',
    '^@bluetick/api/(.*)$': '<rootDir>/libs/api/$1/src/index.ts',
    '^@bluetick/api-app$': '<rootDir>/apps/api/src/app.ts',
  },
  testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/dist/', '<rootDir>/tmp/'],
};

module.exports = {
  testTimeout: 90_000,
  globalSetup: '<rootDir>/jest/global-setup.mjs',
  globalTeardown: '<rootDir>/jest/global-teardown.mjs',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/{contracts,providers,tracking}/**/*.spec.ts', '<rootDir>/apps/web/src/**/*.spec.ts?(x)'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/libs/api/**/*.spec.ts', '<rootDir>/apps/api/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/apps/web/e2e/**/*.spec.ts'],
    },
  ],
};
