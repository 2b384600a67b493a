/**
 * How a route declares the sites it acts on. Every admin and content-API route of the suite carries
 * one declaration; site-group's `scope` policy enforces it (the one place the rule lives), and the
 * permission-matrix test enumerates the registered routes at runtime and fails on a route without one.
 *
 * The declaration is data, not code, so a test or a generated description can read it.
 */
export type SiteSource =
  /** A site code in a path parameter, e.g. `/sites/:code/catalogue` → `{ param: 'code' }`. */
  | { param: string }
  /** A site code in the query string. */
  | { query: string }
  /** A site code in the JSON body (a dotted path for nested fields, e.g. `scope.site`). */
  | { body: string }
  /** The owning site of a document named by path parameters (content-type uid and documentId). */
  | { document: { uid: string | { param: string }; documentId: { param: string } } }
  /** A resolver another plugin registered with site-group by name (e.g. a delivery id → its site). */
  | { resolver: string };

export type RouteScope =
  /** Public content-API route: anyone, but it only ever shows published, public data. */
  | { kind: 'public' }
  /** A logged-in users-permissions user acting on their own records only. */
  | { kind: 'own' }
  /** Acts on one site (or several): the admin must be assigned to every site it resolves to. */
  | { kind: 'site'; from: SiteSource; descendants?: 'as-assigned' | 'always' }
  /** Lists across sites: the handler filters every row to the caller's sites (tested as such). */
  | { kind: 'filtered' }
  /** Cluster-wide configuration: only admins assigned to the root site (or Super Admins). */
  | { kind: 'cluster' };

/** The policy name through which routes declare their scope (registered by site-group). */
export const SCOPE_POLICY = 'plugin::site-group.scope';

/** A route-config policy entry declaring a scope: `policies: [..., routeScope({ kind: 'cluster' })]`. */
export const routeScope = (scope: RouteScope) => ({ name: SCOPE_POLICY, config: { scope } });
