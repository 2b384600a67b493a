import type { ActorRecord } from '../http/actor';

/** The reviewer or editor behind a review action, as review-workflow records them (the kernel's actor record). */
export type ReviewActor = ActorRecord;

export type ReviewStage = 'draft' | 'first-review' | 'second-review' | 'final-review' | 'approved' | 'published';

/** The three reviews (初审, 复审, 终审): the stages an approval is given at. */
export type ReviewPassStage = Extract<ReviewStage, 'first-review' | 'second-review' | 'final-review'>;

/** One approval kept on a review state: who approved which pass, when, bound to the reviewed content's hash. */
export interface ReviewApproval {
  stage: ReviewPassStage;
  userId: number;
  at: string;
  contentHash: string;
}

/** Where one locale of one document stands (the part other plugins read). */
export interface ReviewState {
  stage: ReviewStage;
  ownerSite?: string | null;
  contentHash?: string | null;
  [field: string]: unknown;
}

export interface ReviewAuditInput {
  uid: string;
  documentId: string;
  locale: string;
  actor: ReviewActor | null;
  stage: string;
  action: string;
  contentHash?: string | null;
  comment?: string | null;
  findings?: unknown[];
  settlements?: unknown[];
  flagged?: boolean;
  details?: Record<string, unknown>;
}

/**
 * One finding of the machine pre-checks (wrong, sensitive, outdated words; personal data; links), as
 * review-workflow reports it to the plugins above and to the admin screens. `offset` / `length` are
 * UTF-16 indices into the stored field value; `suggestion`, when present, replaces that range.
 */
export interface PrecheckFinding {
  key: string;
  check: string;
  rule: string;
  field: string;
  offset: number;
  length: number;
  severity: 'error' | 'warning' | 'info';
  excerpt: string;
  message: string;
  suggestion?: string;
  /** Dictionary category for word findings; 'external' for external links. */
  category?: string;
  [field: string]: unknown;
}

/**
 * How a reviewer settles one open finding (by its `key`): dismissed, a warning that is fine as it
 * is; refer, a word or link error passed up to 终审; override, 终审 accepts it.
 */
export interface PrecheckSettlement {
  key: string;
  resolution: 'dismissed' | 'refer' | 'override';
  reason: string;
}

/** One item on the review desk (GET /review-workflow/desk): which locale of which document, where it stands, and since when. */
export interface ReviewDeskItem {
  uid: string;
  documentId: string;
  locale: string;
  site: string | null;
  stage: string;
  /** The draft's title (or name); null when the type has neither or the draft is gone. */
  title: string | null;
  /** When the item reached its current stage (the state's last change): the queue is oldest first. */
  since: string;
  comment: string | null;
}

/** An item sent back to its submitter: the reviewer's (or the pre-check's) comment, who and when. */
export interface ReviewDeskSentBackItem extends ReviewDeskItem {
  action: 'reject' | 'sent-back';
  by: string | null;
  at: string;
}

/** The review desk of one admin: what they may act on (with counts), what they submitted, what came back to them. */
export interface ReviewDesk {
  queue: ReviewDeskItem[];
  counts: { byStage: Record<string, number>; bySite: Record<string, number>; byType: Record<string, number> };
  mine: ReviewDeskItem[];
  sentBack: ReviewDeskSentBackItem[];
}

export interface ReviewPublishGateService {
  /** Runs `fn` with publishing allowed for trusted code (recorded in the audit trail with `reason`). */
  withTrustedPublish<T>(reason: string, fn: () => Promise<T>): Promise<T>;
}

export interface ReviewFlowService {
  state(uid: string, documentId: string, locale: string): Promise<ReviewState | null>;
}

export interface ReviewAuditTrailService {
  record(event: ReviewAuditInput): Promise<unknown>;
}

export interface ReviewPrechecksService {
  checkFields(fields: Record<string, string>, plainTextFields?: string[]): Promise<PrecheckFinding[]>;
}

export interface ReviewContentService {
  /** The hash an approval is bound to, of the reviewed fields of `entry`. */
  hashOf(uid: string, entry: Record<string, unknown>): string;
}

/** The item a submission is about. */
export interface SubmittedItem {
  uid: string;
  documentId: string;
  locale: string;
}

/**
 * An extra field of the submit body (`POST /review-workflow/documents/:uid/:documentId/submit`)
 * owned by a plugin above review-workflow (distribution: `targets`). Review-workflow stores nothing
 * of it: it validates it before anything is written, asks which sites it reaches for the route's
 * scope check, and hands it over once the submission went through.
 */
export interface SubmitExtension<T = unknown> {
  field: string;
  /** Checks and normalises the value; throws a 400 whose paths start with `field`. */
  validate(value: unknown): Promise<T>;
  /** The sites the (raw) value reaches: the caller must be allowed to act for each. */
  sitesOf(value: unknown): Promise<string[]>;
  /** Stores the normalised value for the submitted item, after the submission is recorded. */
  save(item: SubmittedItem, value: T): Promise<void>;
}

export interface ReviewWorkflowHooksService {
  addSubmitExtension<T>(extension: SubmitExtension<T>): void;
  submitExtensions(): readonly SubmitExtension[];
}

export interface ReviewWorkflowServices {
  'publish-gate': ReviewPublishGateService;
  'review-flow': ReviewFlowService;
  'audit-trail': ReviewAuditTrailService;
  prechecks: ReviewPrechecksService;
  content: ReviewContentService;
  hooks: ReviewWorkflowHooksService;
}
