import { round } from './stats';

/**
 * Collects a bench's figures and prints each one as it is recorded, with its ratio against a
 * baseline measured in the same run: absolute numbers move with the machine, ratios much less.
 */

export interface Baseline {
  name: string;
  value: number;
}

export interface Target {
  /** 'min': the figure must be at least `value` (rates); 'max': at most (latencies). */
  kind: 'min' | 'max';
  value: number;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: Baseline;
  /** value / baseline.value */
  ratio?: number;
  target?: Target;
  meetsTarget?: boolean;
  /** Anything else worth keeping with the figure (sample count, sizes, truncation). */
  details?: Record<string, unknown>;
}

export interface FigureOptions {
  baseline?: Baseline;
  target?: Target;
  details?: Record<string, unknown>;
}

const format = (value: number, unit: string) => `${round(value, value < 10 ? 2 : 1)} ${unit}`;

const describe = (figure: Figure) => {
  const parts = [`${figure.name}: ${format(figure.value, figure.unit)}`];
  if (figure.baseline && figure.ratio !== undefined) {
    parts.push(`×${round(figure.ratio, 2)} vs ${figure.baseline.name} (${format(figure.baseline.value, figure.unit)})`);
  }
  if (figure.target) {
    const sign = figure.target.kind === 'min' ? '≥' : '≤';
    parts.push(`target ${sign} ${format(figure.target.value, figure.unit)}: ${figure.meetsTarget ? 'met' : 'MISSED'}`);
  }
  return parts.join('  ');
};

export class Recorder {
  readonly figures: Figure[] = [];

  constructor(private readonly bench: string, private readonly print: (line: string) => void = console.log) {}

  figure(name: string, value: number, unit: string, options: FigureOptions = {}): Figure {
    const { baseline, target, details } = options;
    const figure: Figure = { name, value: round(value), unit };
    if (baseline) {
      figure.baseline = { name: baseline.name, value: round(baseline.value) };
      figure.ratio = round(value / baseline.value);
    }
    if (target) {
      figure.target = target;
      figure.meetsTarget = target.kind === 'min' ? value >= target.value : value <= target.value;
    }
    if (details) figure.details = details;
    this.figures.push(figure);
    this.print(`  [${this.bench}] ${describe(figure)}`);
    return figure;
  }

  note(line: string) {
    this.print(`  [${this.bench}] ${line}`);
  }
}
