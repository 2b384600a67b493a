/**
 * Whether a content type goes through review: `pluginOptions['review-workflow'].enabled` in its
 * schema, as i18n's `localized`. Only draft-and-publish types can be gated.
 */
export const isReviewEnabled = (contentType: unknown): boolean => {
  const schema = contentType as { pluginOptions?: { 'review-workflow'?: { enabled?: boolean } }; options?: { draftAndPublish?: boolean } } | null | undefined;
  return schema?.pluginOptions?.['review-workflow']?.enabled === true && schema?.options?.draftAndPublish === true;
};

