import { execFileSync } from 'child_process';
import { searchBehaviour } from './search-behaviour';

/** Whether a Typesense server answers at TYPESENSE_URL (checked synchronously: jest collects tests synchronously). */
const typesenseReachable = () => {
  const url = process.env.TYPESENSE_URL;
  if (!url) return false;
  try {
    execFileSync(process.execPath, ['-e', `fetch(${JSON.stringify(`${url.replace(/\/$/, '')}/health`)}).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))`], { timeout: 5000 });
    return true;
  } catch {
    return false;
  }
};

if (typesenseReachable()) {
  process.env.TYPESENSE_COLLECTION ??= `jiyue_test_${process.pid}_${Date.now()}`;
  searchBehaviour('typesense');
} else {
  // Reported as skipped, never faked: the same behaviour suite runs here once TYPESENSE_URL points at a server.
  describe.skip('typesense engine (no server reachable at TYPESENSE_URL)', () => {
    it.skip('runs the search behaviour suite against Typesense', () => undefined);
  });
}
