// Prints one plain closing line after the run, "tests: N passed, N failed, N skipped", so any CI can read the
// outcome without knowing jest's own summary format.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`;
    process.stdout.write(`\n${line}\n`);
  }
}

module.exports = SummaryReporter;
