/**
 * Whether a content type goes through review: `pluginOptions['review-workflow'].enabled` in its
 * schema, as i18n's `localized`. Only draft-and-publish types can be gated.
 */
export const isReviewEnabled = (contentType: any): boolean =>
  contentType?.pluginOptions?.['review-workflow']?.enabled === true && contentType?.options?.draftAndPublish === true;

