import { errors } from '@strapi/utils';
import type { OperationQuery } from '../services/operations';

const fail = (path: string, message: string, value: unknown): never => {
  throw new errors.ValidationError(`${path} ${message}`, { errors: [{ path: [path], message, name: 'ValidationError', value }] });
};

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const date = (name: string, value: unknown): string | undefined => {
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) || Number.isNaN(Date.parse(text))) {
    fail(name, 'must be an ISO 8601 date or date-time (e.g. 2026-12-07 or 2026-12-07T08:00:00Z)', text);
  }
  return new Date(text).toISOString();
};

const integer = (name: string, value: unknown, min: number, max: number): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) fail(name, `must be an integer from ${min} to ${max}`, value);
  return n;
};

/** `GET /site-group/operations` query: subjectType, actorId, from, to, page, pageSize. */
export const validateOperationQuery = (query: Record<string, unknown>): OperationQuery => {
  const subjectType = one(query.subjectType);
  if (subjectType !== undefined && (typeof subjectType !== 'string' || !/^[a-z][a-z0-9-]{0,59}$/.test(subjectType))) {
    fail('subjectType', 'must be a subject type such as site, column, assignment, role, stage-config, dictionary-entry or channel', subjectType);
  }
  const from = date('from', one(query.from));
  const to = date('to', one(query.to));
  if (from && to && from > to) fail('to', 'must not be before from', one(query.to));
  return {
    subjectType: (subjectType as string | undefined) || undefined,
    actorId: integer('actorId', one(query.actorId), 1, Number.MAX_SAFE_INTEGER),
    from,
    to,
    page: integer('page', one(query.page), 1, 100000) ?? 1,
    pageSize: integer('pageSize', one(query.pageSize), 1, 200) ?? 50,
  };
};
