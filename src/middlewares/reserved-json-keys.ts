import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findReservedKey } from '@jiyue/kernel';

/**
 * Placed before `strapi::body`: the JSON body parser (co-body with @hapi/bourne) already refuses a
 * body holding a `__proto__` key, but as a bare 400 `SyntaxError`. This turns that refusal into the
 * suite's answer — a `ValidationError` naming the key's path — like every other reserved key
 * (checked after parsing by `global::reserved-keys`).
 */
/** What co-body throws for a body it refuses: an HTTP error carrying the raw body. */
type BodyParseError = { status: number; message: string; body: string };

const isPrototypeRefusal = (error: unknown): error is BodyParseError => {
  const e = error as Partial<BodyParseError> | null;
  return !!e && e.status === 400 && /forbidden prototype property/i.test(e.message ?? '') && typeof e.body === 'string';
};

export default (): Core.MiddlewareHandler => async (_ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (isPrototypeRefusal(error)) {
      let path: (string | number)[] | null = null;
      try {
        // Plain JSON.parse keeps "__proto__" as an own key, so the finder can name where it is.
        path = findReservedKey(JSON.parse(error.body));
      } catch {
        path = null;
      }
      const where = path ?? ['__proto__'];
      const key = String(where[where.length - 1]);
      throw new errors.ValidationError(`"${key}" is a reserved name and cannot be used as a key in the body`, {
        errors: [{ path: where, message: `"${key}" is a reserved name`, name: 'ValidationError' }],
      });
    }
    throw error;
  }
};
