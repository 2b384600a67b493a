const Sequencer = require('@jest/test-sequencer').default;

/**
 * Jest's own order, except that the multi-process file runs last: it starts and kills extra Jiyue
 * processes on the shared PostgreSQL database, and a file run right after it in the same jest process
 * has been seen waiting for pool connections (tests/distribution/multi-process.test.ts).
 */
class LastMultiProcess extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const isLast = (t) => /multi-process\.test\.ts$/.test(t.path);
    return [...sorted.filter((t) => !isLast(t)), ...sorted.filter(isLast)];
  }
}

module.exports = LastMultiProcess;
