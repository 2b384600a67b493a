import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { optionalPlugin, contentTypeOf } from '@jiyue/kernel';

type Request = { query: Record<string, unknown> };

const required = (path: string) =>
  new errors.ValidationError(`${path} is required`, { errors: [{ path: [path], message: 'is required', name: 'ValidationError' }] });

/**
 * How site-group's route-scope policy learns the sites of an XLIFF export: the owning site of every
 * document named in `?uid=…&documentIds=a,b,c` (read through site-group's ownership service).
 */
export const registerBilingualResolvers = (strapi: Core.Strapi) => {
  const siteGroup = optionalPlugin(strapi, 'site-group');
  if (!siteGroup) return;
  siteGroup.service('scope').registerResolver('bilingual.xliff-export', async (request: Request) => {
    const { uid, documentIds } = request.query;
    if (typeof uid !== 'string' || !uid) throw required('uid');
    const ids = (Array.isArray(documentIds) ? documentIds : typeof documentIds === 'string' ? documentIds.split(',') : [])
      .map((s) => String(s).trim())
      .filter(Boolean);
    if (!ids.length) throw required('documentIds');
    const contentType = contentTypeOf(strapi, uid);
    if (!contentType) throw new errors.ValidationError(`uid: unknown content type "${uid}"`, { errors: [{ path: ['uid'], message: `unknown content type "${uid}"`, name: 'ValidationError' }] });
    if (!('ownerSite' in (contentType.attributes ?? {}))) return [];
    const owners = new Set<string>();
    for (const documentId of ids.slice(0, 500)) {
      const owner = await siteGroup.service('ownership').ownerOf(uid, documentId);
      if (owner) owners.add(owner);
    }
    return [...owners];
  });
};
