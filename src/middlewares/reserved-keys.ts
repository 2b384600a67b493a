import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findNulByte, findReservedKey, findReservedQueryKey } from '@jiyue/kernel';

/**
 * Refuses any request whose query or body names a reserved key (`constructor`, `toString`,
 * `hasOwnProperty`, `__proto__`, …) with a 400 naming the key's path, before any route, policy or
 * controller runs: our routes, Strapi's REST and admin routes alike. Registered in
 * config/middlewares.ts right after `strapi::body`.
 *
 * The same place refuses a NUL character (U+0000) in any string or key of the query or body, with a
 * 400 naming the field: PostgreSQL cannot store one in a text column and would answer 500.
 */
const refuse = (where: 'query' | 'body', path: (string | number)[]) => {
  const key = String(path[path.length - 1]);
  throw new errors.ValidationError(`"${key}" is a reserved name and cannot be used as a key in the ${where}`, {
    errors: [{ path, message: `"${key}" is a reserved name`, name: 'ValidationError' }],
  });
};

export default (): Core.MiddlewareHandler => async (ctx, next) => {
  const querystring = ctx.querystring ?? '';
  if (querystring) {
    // The raw string first: for `?constructor` Strapi's parsed query is not even an object.
    const inQuery = findReservedQueryKey(querystring) ?? findReservedKey(ctx.query);
    if (inQuery) refuse('query', inQuery);
  }
  const inBody = findReservedKey(ctx.request?.body);
  if (inBody) refuse('body', inBody);
  const nul = (querystring ? findNulByte(ctx.query) : null) ?? findNulByte(ctx.request?.body);
  if (nul) {
    const where = querystring && findNulByte(ctx.query) ? 'query' : 'body';
    const field = nul.length ? nul.join('.') : where;
    throw new errors.ValidationError(`"${field}" contains a NUL character (U+0000), which no field accepts`, {
      errors: [{ path: nul, message: 'contains a NUL character (U+0000)', name: 'ValidationError' }],
    });
  }
  await next();
};
