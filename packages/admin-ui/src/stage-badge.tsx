import * as React from 'react';
import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ReviewStage } from '@jiyue/kernel/contracts';

export type { ReviewStage };

/** The stages of review-workflow (三审三校), in order (the type is the kernel contract's). */
export const REVIEW_STAGES = ['draft', 'first-review', 'second-review', 'final-review', 'approved', 'published'] as const satisfies readonly ReviewStage[];

const STAGE_COLOURS: Record<ReviewStage, { backgroundColor: string; textColor: string }> = {
  draft: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  'first-review': { backgroundColor: 'secondary100', textColor: 'secondary700' },
  'second-review': { backgroundColor: 'alternative100', textColor: 'alternative700' },
  'final-review': { backgroundColor: 'warning100', textColor: 'warning700' },
  approved: { backgroundColor: 'success100', textColor: 'success700' },
  published: { backgroundColor: 'primary100', textColor: 'primary700' },
};

const STAGE_DEFAULTS: Record<ReviewStage, string> = {
  draft: 'Draft',
  'first-review': 'First review',
  'second-review': 'Second review',
  'final-review': 'Final review',
  approved: 'Approved',
  published: 'Published',
};

export const isReviewStage = (value: unknown): value is ReviewStage => REVIEW_STAGES.includes(value as ReviewStage);

/** The translated name of a stage (初审, 复审, 终审 …). */
export const useStageLabel = () => {
  const { formatMessage } = useIntl();
  return (stage: ReviewStage) => formatMessage({ id: `jiyue-ui.stage.${stage}`, defaultMessage: STAGE_DEFAULTS[stage] });
};

/** A coloured badge naming a review stage; `data-stage` carries the stage for tests. */
export const StageBadge = ({ stage }: { stage: ReviewStage }) => {
  const label = useStageLabel();
  return (
    <Badge data-stage={stage} {...STAGE_COLOURS[stage]}>
      {label(stage)}
    </Badge>
  );
};
