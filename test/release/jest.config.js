/** Jest for the release tests (npm run test:release; run by .ci/run after npm test): they build every release file
 * once (about a minute and a half) and run the built command line, so they are kept out of `npm test`. */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/release'],
  testMatch: ['**/*.release-test.ts'],
  testTimeout: 120000,
};
