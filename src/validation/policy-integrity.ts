import type { Core } from '@strapi/strapi';
import { fieldError, throwFieldErrors, type FieldError } from './field-errors';

const POLICY = 'api::policy.policy';
const SERVICE_GUIDE = 'api::service-guide.service-guide';

type Data = Record<string, unknown>;

/** The stored values of fields the write leaves out, so a rule sees the document as it will be. */
const merged = async (strapi: Core.Strapi, uid: typeof POLICY | typeof SERVICE_GUIDE, documentId: string | undefined, data: Data, fields: string[]): Promise<Data> => {
  if (!documentId || fields.every((f) => f in data)) return data;
  const current = await strapi.db.query(uid).findOne({ where: { documentId }, select: fields });
  return { ...(current ?? {}), ...data };
};

const isWhole = (value: unknown): value is number => Number.isInteger(value);

const dateOnly = (value: unknown) => (value ? String(value).slice(0, 10) : null);

/**
 * Cross-field rules of the shared content model that Strapi's schema cannot state: a validity
 * window that ends before it starts, an index number (索引号) reused by another document (Strapi
 * checks uniqueness only among published rows), a promised time limit longer than the statutory
 * one. Runs before the write, so a refused write saves nothing.
 */
export const policyIntegrity = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (ctx.action !== 'create' && ctx.action !== 'update') return next();
  const params = ctx.params as { documentId?: string; data?: Data };
  const data = params.data ?? {};
  const problems: FieldError[] = [];

  if (ctx.uid === POLICY) {
    const policy = await merged(strapi, POLICY, params.documentId, data, ['validFrom', 'validTo']);
    const from = dateOnly(policy.validFrom);
    const to = dateOnly(policy.validTo);
    if (from && to && to < from) {
      problems.push(fieldError(['validTo'], `validTo (${to}) is before validFrom (${from})`, policy.validTo));
    }
    if (typeof data.indexNumber === 'string' && data.indexNumber) {
      const other = await strapi.db.query(POLICY).findOne({
        where: { indexNumber: data.indexNumber, ...(params.documentId ? { documentId: { $ne: params.documentId } } : {}) },
        select: ['documentId'],
      });
      if (other) problems.push(fieldError(['indexNumber'], `index number ${data.indexNumber} is already used by another policy`, data.indexNumber));
    }
  }

  if (ctx.uid === SERVICE_GUIDE) {
    const guide = await merged(strapi, SERVICE_GUIDE, params.documentId, data, ['statutoryTimeLimit', 'promisedTimeLimit']);
    const statutory = guide.statutoryTimeLimit;
    const promised = guide.promisedTimeLimit;
    if (isWhole(statutory) && isWhole(promised) && promised > statutory) {
      problems.push(
        fieldError(['promisedTimeLimit'], `the promised time limit (${promised} working days) exceeds the statutory one (${statutory})`, promised)
      );
    }
  }

  throwFieldErrors(problems);
  return next();
};
