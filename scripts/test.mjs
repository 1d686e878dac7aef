// `npm test`: lint, typecheck, build the SPA and API (browser and crash tests run them), then every Jest
// project (unit, integration on real PostgreSQL, browser), ending with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = '.ci/jest-results.json';
const steps = [
  ['lint', 'npx', ['eslint', '.']],
  ['typecheck api', 'npx', ['tsc', '-p', 'tsconfig.check.json']],
  ['typecheck web', 'npx', ['tsc', '-p', 'apps/web/tsconfig.json', '--noEmit']],
  ['build web', 'npx', ['vite', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn']],
  // The crash-recovery test kills a real `npm start` process, which runs the built API.
  ['build api', 'npx', ['tsc', '-p', 'apps/api/tsconfig.app.json']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const run = spawnSync(cmd, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`✖ ${name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

console.log('\n▶ jest');
fs.mkdirSync('.ci', { recursive: true });
fs.rmSync(results, { force: true });
const jestArgs = ['jest', '--json', `--outputFile=${results}`, ...process.argv.slice(2)];
if (process.env.CI) jestArgs.push('--ci');
const jest = spawnSync('npx', jestArgs, { stdio: 'inherit' });
if (!fs.existsSync(results)) {
  console.log('0 passed, 1 failed');
  process.exit(jest.status || 1);
}
const summary = JSON.parse(fs.readFileSync(results, 'utf8'));
const failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
console.log(`\n${summary.numPassedTests} passed, ${failed} failed${summary.numPendingTests ? `, ${summary.numPendingTests} skipped` : ''}`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);
