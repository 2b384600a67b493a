/** The three reviews (初审, 复审, 终审) between a draft and an approved item. */
export const REVIEW_STAGES = ['first-review', 'second-review', 'final-review'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];
export type Stage = 'draft' | ReviewStage | 'approved' | 'published';

export const STAGE_NAMES_ZH: Record<Stage, string> = {
  draft: '草稿',
  'first-review': '初审',
  'second-review': '复审',
  'final-review': '终审',
  approved: '已通过',
  published: '已发布',
};

export const isReviewStage = (stage: string): stage is ReviewStage => (REVIEW_STAGES as readonly string[]).includes(stage);

/** The stage an approval at `stage` moves the item to. */
export const nextStage = (stage: ReviewStage): Stage => {
  const i = REVIEW_STAGES.indexOf(stage);
  return i === REVIEW_STAGES.length - 1 ? 'approved' : REVIEW_STAGES[i + 1];
};
