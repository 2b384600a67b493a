import { isPredominantlyTibetan, tibetanShare } from './predominantly-tibetan';
import cluster from '../../../../../database/seeds/garze-cluster.json';

describe('isPredominantlyTibetan', () => {
  it('accepts every Tibetan name of the cluster', () => {
    expect(isPredominantlyTibetan(cluster.prefecture.bo)).toBe(true);
    for (const county of cluster.counties) expect(isPredominantlyTibetan(county.bo)).toBe(true);
  });
  it('refuses Chinese, and Chinese with a Tibetan word', () => {
    expect(isPredominantlyTibetan('康定市召开防汛工作会议')).toBe(false);
    expect(isPredominantlyTibetan('康定市召开防汛工作会议 དར་མདོ')).toBe(false);
  });
  it('ignores digits, Latin and punctuation; a Chinese proper noun inside Tibetan passes', () => {
    expect(isPredominantlyTibetan('2024 PDF https://www.gzz.gov.cn/ ༢༠༢༤')).toBe(true);
    expect(isPredominantlyTibetan('《དཀར་མཛེས་ཁུལ་གྱི་སྲིད་གཞུང་》(甘孜州) 12345')).toBe(true);
    expect(tibetanShare('ABC 123')).toBeNull();
  });
  it('honours the threshold', () => {
    const half = 'དར་མདོ་གྲོང་ཁྱེར 康定市'; // 11 Tibetan code points, 3 Han
    expect(isPredominantlyTibetan(half, 0.5)).toBe(true);
    expect(isPredominantlyTibetan(half, 0.9)).toBe(false);
  });
});
