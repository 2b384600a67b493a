import os from 'os';

/** What the figures were measured on: without it a number in docs/benchmarks/runs/ cannot be compared. */
export const machineInfo = () => {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    platform: os.platform(),
    release: os.release(),
    arch: os.arch(),
    node: process.version,
    // Other work on the machine skews latencies; the load average at the start says how much.
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
};
