import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { fieldError, optionalPlugin, type Actor } from '@jiyue/kernel';

export interface ResolvedScope {
  site: string;
  includeDescendants: boolean;
  /** Codes of every site in scope: the site, and its descendants when asked. */
  codes: string[];
}


/**
 * Which sites a replacement covers and who may run it, asked of site-group through its services
 * (the tree, the editor's assignments, an item's placements), never through its tables.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const siteGroup = () => {
    const plugin = optionalPlugin(strapi, 'site-group');
    if (!plugin) throw new errors.ApplicationError('Cluster replacement needs the site-group plugin (sites and placements), which is not enabled');
    return plugin;
  };

  return {
    async resolve(scope: { site: string; includeDescendants: boolean }): Promise<ResolvedScope> {
      const tree = await siteGroup().service('editor-scope').hierarchy();
      const site = tree.byCode.get(scope.site);
      if (!site) throw fieldError(['scope', 'site'], `no site with code "${scope.site}"`, scope.site);
      const ids: number[] = scope.includeDescendants ? tree.subtree(site.id) : [site.id];
      return { site: scope.site, includeDescendants: scope.includeDescendants, codes: ids.map((id) => tree.byId.get(id)!.code) };
    },

    /** 403 (naming the site) unless the actor may act for every site in scope. */
    async assertCanActForAll(codes: string[], actor: Actor) {
      const editorScope = siteGroup().service('editor-scope');
      for (const code of codes) {
        if (!(await editorScope.canActFor(actor, code))) {
          throw new errors.PolicyError(`You cannot replace text in site "${code}": it is outside the sites assigned to you`, { site: code });
        }
      }
    },

    /** A memoised "may the actor act for this site" (owners of items placed into the scope from elsewhere). */
    canActForCache(actor: Actor) {
      const known = new Map<string, Promise<boolean>>();
      return (code: string) => {
        if (!known.has(code)) known.set(code, siteGroup().service('editor-scope').canActFor(actor, code));
        return known.get(code)!;
      };
    },

    /** Sites in scope where the item is placed (active, published placements). */
    async placedIn(documentId: string, scopeCodes: Set<string>): Promise<string[]> {
      const placements: { site?: string; documentId?: string }[] = await siteGroup().service('site-content').itemPlacements(documentId);
      // A copy placement shows another document (the copy, owned by that site): only references show this one.
      const shown = placements.filter((p) => p.documentId === documentId);
      return [...new Set(shown.map((p) => p.site).filter((s): s is string => !!s && scopeCodes.has(s)))];
    },

    async localeCodes(): Promise<string[]> {
      return siteGroup().service('locale').codes();
    },
  };
};
