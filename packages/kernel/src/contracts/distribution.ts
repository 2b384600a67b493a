/** What an editor picks for one item: placements into site columns and channel keys. */
export interface SubmissionTargets {
  placements: { site: string; column: string; mode: 'reference' | 'copy' }[];
  channels: string[];
}

export interface DistributionOutboxService {
  /** Queues a signed webhook notification to the webhook channels of `site`. */
  notify(input: { site: string; event: string; payload: Record<string, unknown> }): Promise<unknown>;
}

export interface DistributionTargetsService {
  /** Checks and normalises targets; a 400 names each bad path under `basePath` (default `targets`). */
  validate(value: unknown, basePath?: (string | number)[]): Promise<SubmissionTargets>;
  /** The targets chosen for one locale of a document (empty when none were chosen). */
  chosen(uid: string, documentId: string, locale: string): Promise<SubmissionTargets>;
}

export interface DistributionServices {
  outbox: DistributionOutboxService;
  targets: DistributionTargetsService;
}
