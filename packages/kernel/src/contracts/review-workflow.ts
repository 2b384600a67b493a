import type { ActorRecord } from '../http/actor';

/** The reviewer or editor behind a review action, as review-workflow records them (the kernel's actor record). */
export type ReviewActor = ActorRecord;

export type ReviewStage = 'draft' | 'first-review' | 'second-review' | 'final-review' | 'approved' | 'published';

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

/** One finding of the machine pre-checks (wrong, sensitive, outdated words; personal data; links). */
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
  [field: string]: unknown;
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
