import { serverTimingHeader, timed, type Timing } from './server-timing';

describe('server timing', () => {
  it('adds each step time under its name and writes the header', async () => {
    const timing: Timing = {};
    expect(timed(timing, 'eval', () => 7)).toBe(7);
    timed(timing, 'eval', () => undefined);
    await timed(timing, 'rev', () => new Promise((r) => setTimeout(r, 5)));
    expect(Object.keys(timing)).toEqual(['eval', 'rev']);
    expect(timing.rev).toBeGreaterThanOrEqual(4);
    expect(serverTimingHeader({ rev: 1.26, eval: 3, 'bad name': 1 })).toBe('rev;dur=1.3, eval;dur=3.0');
  });

  it('measures nothing without a timing', () => {
    expect(timed(undefined, 'eval', () => 'x')).toBe('x');
  });
});
