import type { Core } from '@strapi/strapi';
import type { RouteScope } from '@jiyue/kernel';
import type { ScopeRequest } from '../services/scope';

/**
 * `plugin::site-group.scope`: the one policy that enforces every route's declared scope
 * (`routeScope({...})` from @jiyue/kernel). Strapi hands a policy a shallow copy of the Koa context,
 * so query and body are read from `ctx.request`.
 */
export default async (policyContext: Core.PolicyContext & { params?: Record<string, string>; state?: ScopeRequest['state'] }, config: { scope?: RouteScope }, { strapi }: { strapi: Core.Strapi }) => {
  const request: ScopeRequest = {
    params: policyContext.params ?? {},
    query: policyContext.request?.query ?? {},
    body: policyContext.request?.body,
    state: policyContext.state ?? {},
  };
  await strapi.plugin('site-group').service('scope').enforce(request, config?.scope);
  return true;
};
