import type { Core } from '@strapi/strapi';
import { fieldError, throwFieldErrors, type FieldError } from './field-errors';

/**
 * Strapi checks `regex` formats only when an entry is published, but here publishing comes after
 * three reviews: a malformed 索引号 or 发文字号 saved in a draft would surface at the very end.
 * Formats are therefore checked on every save of the app's content types, drafts included
 * (an empty value is left to the `required` rule, which Strapi applies at publish).
 */
export const draftFormats = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (!ctx.uid.startsWith('api::') || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
  const data = ((ctx.params as { data?: Record<string, unknown> }).data ?? {}) as Record<string, unknown>;
  const problems: FieldError[] = [];
  for (const [name, attribute] of Object.entries(ctx.contentType.attributes)) {
    const value = data[name];
    const regex = 'regex' in attribute ? attribute.regex : undefined;
    if (typeof regex !== 'string' || !regex || typeof value !== 'string' || value === '') continue;
    if (!new RegExp(regex).test(value)) problems.push(fieldError([name], `${name} does not match the required format`, value));
  }
  throwFieldErrors(problems);
  return next();
};
