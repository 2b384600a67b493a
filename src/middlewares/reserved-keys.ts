import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findReservedKey, findReservedQueryKey } from '@jiyue/kernel';

/**
 * Refuses any request whose query or body names a reserved key (`constructor`, `toString`,
 * `hasOwnProperty`, `__proto__`, …) with a 400 naming the key's path, before any route, policy or
 * controller runs: our routes, Strapi's REST and admin routes alike. Registered in
 * config/middlewares.ts right after `strapi::body`.
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
  await next();
};
