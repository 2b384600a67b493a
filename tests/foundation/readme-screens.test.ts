/**
 * The README's "Screens" section shows every screenshot the browser suite commits (tests/e2e/screenshots),
 * and every screenshot it shows exists: a new screen adds its picture, a renamed one is not left dangling.
 */
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const DIR = 'tests/e2e/screenshots';

const screensSection = () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Screens');
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
};

describe('README screens', () => {
  it('shows every committed screenshot, and only existing ones', () => {
    const section = screensSection();
    const shown = [...section.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    const files = fs.readdirSync(path.join(ROOT, DIR)).filter((f) => f.endsWith('.png')).sort();
    expect(files.filter((f) => !shown.includes(`${DIR}/${f}`))).toEqual([]);
    expect(shown.filter((src) => !fs.existsSync(path.join(ROOT, src)))).toEqual([]);
  });
});
