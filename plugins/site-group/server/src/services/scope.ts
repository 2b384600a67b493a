import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, type RequestValue, type RouteScope, type SiteSource, currentActor, isSuperAdmin, contentTypeOf, isClusterType } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { OWNER_FIELD } from '../utils/site-group-types';

/** What a route's scope policy sees of the request (Strapi's policy context is a copy of the Koa context). */
export interface ScopeRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  state: { user?: { id: number; roles?: { code: string }[] }; auth?: { strategy?: { name?: string } } };
}

/**
 * Maps a request to the site codes it acts on, for ids only a higher plugin understands (a delivery,
 * a channel, a comment…). Registered by that plugin in its register/bootstrap; site-group never reads
 * their tables. Throw a NotFoundError for an unknown id; return `[]` for an object that has no site
 * (then only cluster-scoped admins may act on it).
 */
export type SiteResolver = (request: ScopeRequest) => Promise<string[]>;


const dotted = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined), value);

/** The raw value and its field path (for error messages). */
const read = (request: ScopeRequest, ref: RequestValue): { value: unknown; path: string[] } => {
  if ('param' in ref) return { value: request.params?.[ref.param], path: [ref.param] };
  if ('query' in ref) return { value: request.query?.[ref.query], path: [ref.query] };
  return { value: dotted(request.body, ref.body), path: ref.body.split('.') };
};

const strings = (value: unknown): string[] | null => {
  if (typeof value === 'string' && value.trim()) return [value.trim()];
  if (Array.isArray(value) && value.length && value.every((v) => typeof v === 'string' && v.trim())) return value.map((v) => v.trim());
  return null;
};

/** A resolved source: site codes, or `absent` when the request does not name one. */
type Resolved = { codes: string[] } | { absent: string[] };

/**
 * The one place route scope is decided: which sites a request acts on (from the route's declaration)
 * and whether the admin behind it may act for them. Used by the `scope` policy on every route.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const resolvers = new Map<string, SiteResolver>();

  const resolveSource = async (request: ScopeRequest, source: SiteSource): Promise<Resolved> => {
    if ('resolver' in source) {
      const resolver = resolvers.get(source.resolver);
      if (!resolver) throw new errors.ApplicationError(`No site resolver "${source.resolver}" is registered`);
      return { codes: await resolver(request) };
    }
    if ('document' in source) {
      const uidRef = source.document.uid;
      const uid = typeof uidRef === 'string' ? { value: uidRef, path: [] as string[] } : read(request, uidRef);
      const documentId = read(request, source.document.documentId);
      if (typeof uid.value !== 'string' || !uid.value) return { absent: uid.path };
      if (typeof documentId.value !== 'string' || !documentId.value) return { absent: documentId.path };
      const contentType = contentTypeOf(strapi, uid.value);
      if (!contentType) {
        // A uid in the path names a resource (404); one in the query or body is a bad field (400 naming it).
        if (typeof uidRef === 'object' && !('param' in uidRef)) throw fieldError(uid.path, `is not a content type: "${uid.value}"`);
        throw new errors.NotFoundError(`No content type "${uid.value}"`, { path: uid.path });
      }
      // A type without an owning site belongs to no site: only cluster scope acts on it.
      if (!isClusterType(contentType)) return { codes: [] };
      const row = await strapi.db.query(uid.value).findOne({ where: { documentId: documentId.value }, select: [OWNER_FIELD] });
      if (!row) throw new errors.NotFoundError(`No ${uid.value} document "${documentId.value}"`, { path: documentId.path });
      return { codes: row[OWNER_FIELD] ? [row[OWNER_FIELD]] : [] };
    }
    const { value, path } = read(request, source);
    if (value === undefined || value === null || value === '') return { absent: path };
    const codes = strings(value);
    if (!codes) throw fieldError(path, 'must be a site code');
    return { codes };
  };

  const isAdmin = (request: ScopeRequest) => request.state?.auth?.strategy?.name === 'admin' && Boolean(request.state.user);

  return {
    registerResolver(name: string, resolver: SiteResolver) {
      if (resolvers.has(name)) throw new Error(`Site resolver "${name}" is already registered`);
      resolvers.set(name, resolver);
    },

    hasResolver(name: string) {
      return resolvers.has(name);
    },

    /** Whether the admin is assigned to a root site (a site without parent): cluster-wide configuration. */
    async isClusterAdmin(user: { id: number; roles?: { code: string }[] }) {
      if (isSuperAdmin(user)) return true;
      const scope = getService('editor-scope');
      const [assignments, tree] = await Promise.all([scope.assignments(user.id), scope.hierarchy()]);
      return assignments.some((a: { siteId: number }) => tree.byId.get(a.siteId)?.parentId === null);
    },

    /** Throws a 403 PolicyError unless the caller may act for the sites this request resolves to. */
    async enforce(request: ScopeRequest, scope: RouteScope | undefined) {
      if (!scope || typeof scope !== 'object') throw new errors.ApplicationError('This route declares no scope');
      if (scope.kind === 'public' || scope.kind === 'own' || scope.kind === 'filtered' || scope.kind === 'shared') return;
      if (!isAdmin(request)) throw new errors.PolicyError('This route is for admin users');
      const user = request.state.user!;
      // Super Admins act everywhere: nothing to resolve (the handler answers for unknown objects and bad fields).
      if (isSuperAdmin(user)) return;

      if (scope.kind === 'cluster') {
        if (await this.isClusterAdmin(user)) return;
        throw new errors.PolicyError('This route is cluster-wide: only root-site admins and Super Admins may use it', { scope: 'cluster' });
      }

      // The first source names the object acted on; further sources add the sites the request reaches
      // (e.g. a submission's targets) and add nothing when the request names none.
      const sources = Array.isArray(scope.from) ? scope.from : [scope.from];
      const codes = new Set<string>();
      for (const [index, source] of sources.entries()) {
        if (index > 0 && 'resolver' in source && !resolvers.has(source.resolver) && source.optional) continue;
        const resolved = await resolveSource(request, source);
        if (index > 0) {
          if ('codes' in resolved) resolved.codes.forEach((c) => codes.add(c));
          continue;
        }
        if ('absent' in resolved) {
          if (scope.whenAbsent === 'cluster' && sources.length === 1) {
            if (await this.isClusterAdmin(user)) return;
            throw new errors.PolicyError(`Name a site you act for in "${resolved.absent.join('.')}": the whole cluster is for admins of the root site`, { scope: 'cluster' });
          }
          throw fieldError(resolved.absent, 'is required');
        }
        if (!resolved.codes.length) {
          // An object that belongs to no site: cluster scope only.
          if (await this.isClusterAdmin(user)) return;
          throw new errors.PolicyError('This object belongs to no site: only admins of the root site may act on it', { scope: 'cluster' });
        }
        resolved.codes.forEach((c) => codes.add(c));
      }

      const tree = await getService('editor-scope').hierarchy();
      const unknown = [...codes].find((c) => !tree.byCode.has(c));
      if (unknown) throw new errors.NotFoundError(`No site with code "${unknown}"`, { site: unknown });

      const mine = new Set(await getService('editor-scope').siteCodes(user.id, scope.descendants ?? 'as-assigned'));
      const outside = [...codes].filter((c) => !mine.has(c));
      const allowed = scope.match === 'any' ? outside.length < codes.size : outside.length === 0;
      if (!allowed) {
        throw new errors.PolicyError(`Site "${outside[0]}" is outside the sites assigned to you`, { site: outside[0] });
      }
    },

    /**
     * For cluster-wide data edited through the Content Manager (dictionary, glossary…): a document
     * middleware of the owning plugin calls this before a write; a scoped admin not assigned to the
     * root site gets a 403. Code without a request (seeds, jobs), API tokens and Super Admins pass.
     */
    async assertClusterWrite(what: string) {
      const actor = currentActor(strapi);
      if (actor.kind !== 'admin' || (await this.isClusterAdmin(actor.user))) return;
      throw new errors.PolicyError(`Only admins assigned to the root site may change ${what}: it is cluster-wide`, { scope: 'cluster' });
    },

    /** The site codes the admin may act for, or null for everywhere (Super Admin): what `filtered` handlers filter by. */
    async visibleSites(user: { id: number; roles?: { code: string }[] } | undefined, descendants: 'as-assigned' | 'always' = 'as-assigned'): Promise<string[] | null> {
      if (!user) return [];
      if (isSuperAdmin(user)) return null;
      return getService('editor-scope').siteCodes(user.id, descendants);
    },
  };
};
