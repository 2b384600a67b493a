/**
 * How a route declares the sites it acts on. Every admin and content-API route of the suite carries
 * one declaration; site-group's `scope` policy enforces it (the one place the rule lives), and the
 * permission-matrix test enumerates the registered routes at runtime and fails on a route without one.
 *
 * The declaration is data, not code, so a test or a generated description can read it.
 */

/** Where a single value of the request is read: a path parameter, the query string or the JSON body (dotted path). */
export type RequestValue = { param: string } | { query: string } | { body: string };

export type SiteSource =
  /** A site code in a path parameter, e.g. `/sites/:code/catalogue` → `{ param: 'code' }`. */
  | { param: string }
  /** A site code in the query string. */
  | { query: string }
  /** A site code (or an array of codes) in the JSON body; a dotted path for nested fields, e.g. `scope.site`. */
  | { body: string }
  /** The owning site of a document: its content-type uid (fixed or read from the request) and its documentId. */
  | { document: { uid: string | RequestValue; documentId: RequestValue } }
  /**
   * A resolver another plugin registered with site-group by name (e.g. a delivery id → its site).
   * `optional`: a further source whose plugin may be absent (then it adds nothing).
   */
  | { resolver: string; optional?: boolean };

export type RouteScope =
  /** Public content-API route: anyone, but it only ever shows published, public data. */
  | { kind: 'public' }
  /** A logged-in users-permissions user acting on their own records only. */
  | { kind: 'own' }
  /**
   * Acts on one site (or several): the admin must be allowed for every site it resolves to (`match: 'any'`:
   * for at least one, e.g. either party of a placement may withdraw it). Several sources add up: the
   * first names the object acted on (an object of no site is for cluster scope only), the others add
   * the sites the request reaches (e.g. a submission's targets) and add nothing when the request names none.
   * `whenAbsent: 'cluster'`: the site value is optional and its absence means the whole cluster, which
   * then needs cluster scope (e.g. analytics without `?site=`).
   */
  | {
      kind: 'site';
      from: SiteSource | SiteSource[];
      descendants?: 'as-assigned' | 'always';
      match?: 'all' | 'any';
      whenAbsent?: 'cluster';
    }
  /** Lists or acts across sites: the handler limits every row it reads or writes to the caller's sites (tested as such). */
  | { kind: 'filtered' }
  /** Reads or tools over cluster-wide shared vocabulary that holds no site's data (tags, pre-checks); the RBAC action suffices. */
  | { kind: 'shared' }
  /** Cluster-wide configuration: only admins assigned to the root site (or Super Admins). */
  | { kind: 'cluster' };

/** The policy name through which routes declare their scope (registered by site-group). */
export const SCOPE_POLICY = 'plugin::site-group.scope';

/** A route-config policy entry declaring a scope: `policies: [..., routeScope({ kind: 'cluster' })]`. */
export const routeScope = (scope: RouteScope) => ({ name: SCOPE_POLICY, config: { scope } });

/** The scope a route config declares, or undefined when it declares none (what the matrix test looks for). */
export const declaredScope = (config: { policies?: unknown[] } | undefined): RouteScope | undefined => {
  for (const p of config?.policies ?? []) {
    if (p && typeof p === 'object' && (p as { name?: string }).name === SCOPE_POLICY) {
      return (p as { config?: { scope?: RouteScope } }).config?.scope;
    }
  }
  return undefined;
};
