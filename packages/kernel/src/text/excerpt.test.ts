import fs from 'fs';
import path from 'path';
import { excerptAround, excerptBounds } from './excerpt';

const cluster = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../database/seeds/garze-cluster.json'), 'utf8'));

const isTibetanLetter = (c: number) => c >= 0x0f40 && c <= 0x0fbc;

describe('excerptAround', () => {
  it('takes about 20 units either side', () => {
    const text = `${'甲'.repeat(30)}部暑${'乙'.repeat(30)}`;
    expect(excerptAround(text, 30, 32)).toBe(`${'甲'.repeat(20)}部暑${'乙'.repeat(20)}`);
    expect(excerptAround('短文部暑。', 2, 4)).toBe('短文部暑。');
  });

  it('never cuts a surrogate pair', () => {
    const text = `${'𠮷'.repeat(15)}X${'𠮷'.repeat(15)}`; // every 𠮷 is two units
    for (const radius of [19, 20, 21]) {
      const [from, to] = excerptBounds(text, 30, 31, radius);
      expect(from % 2).toBe(0);
      expect(to % 2).toBe(1);
    }
    expect(excerptAround(text, 30, 31, 19)).toBe(`${'𠮷'.repeat(9)}X${'𠮷'.repeat(9)}`);
  });

  it('cuts Tibetan at a tsheg, shad or space, never inside a syllable', () => {
    const names: string[] = [cluster.prefecture.bo, ...cluster.counties.map((c: { bo: string }) => c.bo)];
    const text = names.join(' ');
    const middle = text.indexOf(cluster.counties[5].bo);
    for (let radius = 5; radius <= 25; radius += 1) {
      const [from, to] = excerptBounds(text, middle, middle + 3, radius);
      if (from > 0) expect(isTibetanLetter(text.charCodeAt(from - 1)) && isTibetanLetter(text.charCodeAt(from))).toBe(false);
      if (to < text.length) expect(isTibetanLetter(text.charCodeAt(to - 1)) && isTibetanLetter(text.charCodeAt(to))).toBe(false);
      expect(text.charCodeAt(from)).not.toBe(0x0f0b); // does not open with a tsheg
    }
  });

  it('does not separate a combining mark from its letter', () => {
    const text = `${'e\u0301'.repeat(30)}#${'e\u0301'.repeat(30)}`; // é in decomposed form: letter at even, mark at odd indexes
    const [from, to] = excerptBounds(text, 60, 61, 21);
    expect(from % 2).toBe(0);
    expect(to % 2).toBe(1);
    expect(text.charCodeAt(to)).not.toBe(0x0301);
  });

  it('shows line breaks as spaces', () => {
    expect(excerptAround('第一段\n部暑\n第二段', 4, 6)).toBe('第一段 部暑 第二段');
  });
});
