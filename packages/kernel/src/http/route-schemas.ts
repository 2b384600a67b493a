import type { z } from 'zod';

/**
 * The schemas a route declares, in the shape Strapi's router takes (`Core.RouteInput`'s `request`
 * and `response`; `@strapi/openapi` reads them): the query as a shape of parameters, the JSON body
 * as one object schema, the response as one schema. Controllers parse with the same schemas, so
 * what a route declares is what it accepts.
 */
export interface RouteSchemas {
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
}

/** `{ request, response }` for a route from its schemas: `{ method, path, handler, ...described({ body }), config }`. */
export const described = ({ query, body, response }: RouteSchemas) => ({
  ...(query || body
    ? { request: { ...(query ? { query: query.shape as Record<string, z.ZodType> } : {}), ...(body ? { body: { 'application/json': body } } : {}) } }
    : {}),
  ...(response ? { response } : {}),
});
