import type { ReviewApproval } from '@jiyue/kernel';
import type { DictionaryCategory, Severity } from '../checks/types';
import type { ReviewStage, Stage } from './stages';

/** One approval on a review state: the kernel's shape, shared with the admin panel. */
export type Approval = ReviewApproval;

/** A row of `plugin::review-workflow.review-state`: where one locale of one document stands. */
export interface ReviewStateRow {
  id: number;
  contentType: string;
  itemDocumentId: string;
  itemLocale: string;
  ownerSite: string | null;
  stage: Stage;
  contentHash: string | null;
  approvals: Approval[] | null;
  lastEditorId: number | null;
  submittedById: number | null;
  cycle: number;
  version: number;
  lastComment: string | null;
  updatedAt: string;
}

/** A row of `plugin::review-workflow.review-event` (the audit trail). */
export interface ReviewEventRow {
  id: number;
  contentType: string;
  itemDocumentId: string;
  itemLocale: string;
  actorId: number | null;
  actorName: string;
  actorRoles: string[];
  stage: string;
  action: string;
  contentHash: string | null;
  comment: string | null;
  findings: unknown[];
  settlements: unknown[];
  flagged: boolean;
  details: Record<string, unknown>;
  createdAt: string;
}

/** A row of `plugin::review-workflow.stage-config`: who may act at a stage for a site (null: the default). */
export interface StageConfigRow {
  id: number;
  siteCode: string | null;
  stage: ReviewStage;
  roles: string[] | null;
  users: number[] | null;
  externalSignOff: boolean;
}

/** A row of `plugin::review-workflow.dictionary-entry`. */
export interface DictionaryRow {
  term: string;
  category: DictionaryCategory;
  severity: Severity;
  correction: string | null;
  note: string | null;
  exceptions: string[] | null;
}
