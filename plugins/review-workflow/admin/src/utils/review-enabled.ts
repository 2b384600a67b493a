/** A content type opts in with `pluginOptions['review-workflow'].enabled` (server: utils/review-types.ts). */
export const isReviewEnabled = (contentType?: { pluginOptions?: Record<string, unknown> } | null) =>
  (contentType?.pluginOptions?.['review-workflow'] as { enabled?: boolean } | undefined)?.enabled === true;
