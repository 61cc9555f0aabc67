// A mocha reporter that prints like "spec" and also writes the run's totals to the file named by
// CWM_TOTALS_FILE, so scripts/test-all.ts can add up every suite into one closing line.
'use strict';
const fs = require('node:fs');
const Mocha = require('mocha');

class TotalsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.CWM_TOTALS_FILE;
      if (!file) return;
      const { passes, failures, pending } = runner.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
    });
  }
}

module.exports = TotalsReporter;
