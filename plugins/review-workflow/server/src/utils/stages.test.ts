import { isReviewStage, nextStage } from './stages';

describe('stages', () => {
  it('runs 初审 → 复审 → 终审 → approved', () => {
    expect(nextStage('first-review')).toBe('second-review');
    expect(nextStage('second-review')).toBe('final-review');
    expect(nextStage('final-review')).toBe('approved');
  });
  it('knows which stages take an approval', () => {
    expect(['draft', 'first-review', 'final-review', 'approved', 'published'].map(isReviewStage)).toEqual([false, true, true, false, false]);
  });
});
