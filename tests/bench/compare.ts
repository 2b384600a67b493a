import fs from 'fs';
import path from 'path';
import type { RunResults } from './lib/results';

/**
 * `npm run bench:compare -- <before.json>… -- <after.json>…`: compares the ratios (each figure against
 * its baseline measured in the same run) of two sets of runs, e.g. two back-to-back runs of the previous
 * commit and two of this one. For each figure with a baseline it prints the mean ratio before and after
 * and how much worse (+) or better (−) the after side is; a figure more than `--tolerance` (default 10 %)
 * worse on the mean is flagged, and the exit code is 1 when any is.
 *
 * Direction: for times (ms, µs/op, s) a lower ratio is better; for rates (…/s) a higher one is.
 */

interface Figure {
  name: string;
  unit: string;
  ratio?: number;
}

const isRate = (unit: string) => /\/s$/.test(unit) && unit !== 'µs/op';

const ratiosOf = (file: string): Map<string, { unit: string; ratio: number }> => {
  const run = JSON.parse(fs.readFileSync(file, 'utf8')) as RunResults;
  const found = new Map<string, { unit: string; ratio: number }>();
  for (const bench of run.benches) {
    for (const figure of bench.figures as Figure[]) {
      if (typeof figure.ratio === 'number' && figure.unit !== 'ratio') found.set(`${bench.name}: ${figure.name}`, { unit: figure.unit, ratio: figure.ratio });
    }
  }
  return found;
};

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

const main = () => {
  const args = process.argv.slice(2);
  const toleranceArg = args.find((a) => a.startsWith('--tolerance='));
  const tolerance = toleranceArg ? Number(toleranceArg.split('=')[1]) : 0.1;
  const files = args.filter((a) => !a.startsWith('--tolerance='));
  const split = files.indexOf('--');
  if (split < 1 || split === files.length - 1) {
    console.error('usage: npm run bench:compare -- <before.json>… -- <after.json>… [--tolerance=0.1]');
    process.exit(2);
  }
  const before = files.slice(0, split).map(ratiosOf);
  const after = files.slice(split + 1).map(ratiosOf);
  const names = [...before[0].keys()].filter((name) => before.every((r) => r.has(name)) && after.every((r) => r.has(name)));
  let flagged = 0;
  const rows = names.map((name) => {
    const unit = before[0].get(name)!.unit;
    const b = mean(before.map((r) => r.get(name)!.ratio));
    const a = mean(after.map((r) => r.get(name)!.ratio));
    // How much worse the after side is, as a fraction: positive = worse.
    const worse = isRate(unit) ? b / a - 1 : a / b - 1;
    const flag = worse > tolerance;
    if (flag) flagged += 1;
    return `| ${name} | ${unit} | ${b.toFixed(3)} | ${a.toFixed(3)} | ${worse >= 0 ? '+' : '−'}${Math.abs(worse * 100).toFixed(1)} % | ${flag ? 'worse' : 'within'} |`;
  });
  console.log(`before: ${files.slice(0, split).map((f) => path.basename(f)).join(', ')}`);
  console.log(`after:  ${files.slice(split + 1).map((f) => path.basename(f)).join(', ')}\n`);
  console.log('| figure | unit | ratio before (mean) | ratio after (mean) | after vs before (+ worse) | |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(`\n${names.length} ratios compared, ${flagged} more than ${(tolerance * 100).toFixed(0)} % worse`);
  process.exit(flagged ? 1 : 0);
};

main();
