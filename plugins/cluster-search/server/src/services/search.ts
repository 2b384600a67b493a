import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ClusterSearchConfig } from '../config';
import type { EngineQuery, IndexDoc, TermGroup } from '../engines/types';
import { identifierKey } from '../utils/identifier-key';
import { foldForSearch, runs } from '@jiyue/kernel';
import { highlight, matchRanges, snippet } from '../utils/snippet';
import { searchableTypes } from '../utils/searchable-types';
import { buildSiteMap, regionParents, type SiteMap } from '../utils/site-map';
import { getService } from '../utils/get-service';
import { refreshingCache } from '../utils/refreshing-cache';
import type { SearchParams } from '../validation/search';
import { optionalPlugin } from '@jiyue/kernel';

const bad = (path: string, message: string): never => {
  throw new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
};

export interface PlannedQuery {
  groups: TermGroup[];
  /** Every surface form to highlight: the terms, their synonyms and their words. */
  highlightTerms: string[];
  identifierKey: string | null;
}

/** An unknown site or locale is looked up afresh, at most this often. */
const MISS_REREAD_MS = 1000;

/** The search API: parameters → engine query → hits with snippets, facets, a knowledge card, a query log line. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::cluster-search') as ClusterSearchConfig;
  // The tree is read again only when site-group's revision of it changed: asking for the revision
  // costs two small queries, reading a 3,000-site tree costs more than a search, and either runs on
  // the thread that answers searches.
  let siteMapOf: { revision: string; map: SiteMap } | null = null;
  const sites = refreshingCache(async (): Promise<SiteMap> => {
    const siteGroup = optionalPlugin(strapi, 'site-group');
    if (!siteGroup) return buildSiteMap([]);
    const revision: string = await siteGroup.service('tree-cache').revision();
    if (siteMapOf?.revision === revision) return siteMapOf.map;
    const { tree } = await siteGroup.service('site-tree').tree({ locale: 'zh-Hans', state: 'all' });
    siteMapOf = { revision, map: buildSiteMap(tree) };
    return siteMapOf.map;
  }, 2000);

  const locales = refreshingCache(async (): Promise<string[]> => {
    const siteGroup = optionalPlugin(strapi, 'site-group');
    return siteGroup
      ? await siteGroup.service('locale').codes()
      : (await strapi.plugin('i18n').service('locales').find()).map((l: { code: string }) => l.code);
  }, 10_000);
  /** The known locales; a code not among them is looked up afresh before it is refused. */
  const localeCodes = async (wanted: (string | undefined)[]) => {
    const codes = await locales.get();
    return wanted.every((code) => !code || codes.includes(code)) ? codes : locales.fresh(MISS_REREAD_MS);
  };

  /** Region tiers: the region itself, then the regions of the sites above any site of that region (nearest first), then GB/T 2260 parents. */
  const regionTiers = (region: string, siteMap: SiteMap) => {
    const tiers = [region];
    const add = (r: string | null | undefined) => {
      if (r && !tiers.includes(r)) tiers.push(r);
    };
    const siteCodes = siteMap.byRegion(region);
    const chains = siteCodes.map((c) => siteMap.ancestors(c));
    for (let depth = 0; depth < Math.max(0, ...chains.map((c) => c.length)); depth += 1) {
      for (const chain of chains) add(siteMap.get(chain[depth])?.regionCode);
    }
    for (const parent of regionParents(region)) add(parent);
    return tiers;
  };

  const service = {
    /** Terms (split at spaces), each expanded with synonyms, each alternative segmented into runs. */
    async plan(q: string): Promise<PlannedQuery> {
      const text = q.trim();
      const groups: TermGroup[] = [];
      const highlightTerms: string[] = [];
      for (const term of text.split(/\s+/u).filter(Boolean)) {
        const variants = await getService('synonyms').variants(term);
        const alternatives = variants.map((v) => runs(v)).filter((r) => r.length);
        if (!alternatives.length) continue;
        groups.push(alternatives);
        for (const alternative of alternatives) for (const run of alternative) highlightTerms.push(run.text, ...run.words.filter((w) => w.length > 1 || run.words.length === 1));
      }
      return { groups, highlightTerms, identifierKey: /\s/.test(text) ? null : identifierKey(text) };
    },

    async search(params: SearchParams) {
      const started = performance.now();
      const cfg = config();
      let siteMap = await sites.get();
      if (params.site && !siteMap.get(params.site)) siteMap = await sites.fresh(MISS_REREAD_MS);

      if (params.site && !siteMap.get(params.site)) bad('site', `site "${params.site}" is not a site of the cluster`);
      const scope = params.scope ?? (params.site ? 'site' : 'cluster');
      if (scope !== 'cluster' && !params.site) bad('site', `scope "${scope}" needs a site`);
      if (params.locale || params.fallback) {
        const codes = await localeCodes([params.locale, params.fallback]);
        if (params.locale && !codes.includes(params.locale)) bad('locale', `locale "${params.locale}" is not one of ${codes.join(', ')}`);
        if (params.fallback && !codes.includes(params.fallback)) bad('fallback', `fallback "${params.fallback}" is not one of ${codes.join(', ')}`);
        if (params.fallback && !params.locale) bad('fallback', 'fallback needs a locale');
      }
      const types = params.type ? params.type.split(',').map((t) => t.trim()).filter(Boolean) : [];
      if (types.length) {
        const known = searchableTypes(strapi).map((t) => t.type);
        for (const t of types) if (!known.includes(t)) bad('type', `type "${t}" is not one of ${known.join(', ')}`);
      }
      const from = params.from ? new Date(params.from).toISOString() : null;
      const to = params.to ? new Date(/T/.test(params.to) ? params.to : `${params.to}T23:59:59.999Z`).toISOString() : null;
      if (from && to && from > to) bad('to', 'to must not be before from');

      const region = params.region ?? (params.site ? siteMap.get(params.site)?.regionCode ?? null : null);
      const planned = await service.plan(params.q ?? '');
      const query: EngineQuery = {
        groups: planned.groups,
        identifierKey: planned.identifierKey,
        scope: scope === 'cluster' ? null : { field: scope === 'site' ? 'sites' : 'scopeSites', site: params.site! },
        locale: params.locale ?? null,
        fallbackLocale: params.fallback && params.fallback !== params.locale ? params.fallback : null,
        types,
        themes: params.theme ? [params.theme] : [],
        authorities: params.authority ? [params.authority] : [],
        from,
        to,
        regionTiers: region ? regionTiers(region, siteMap) : [],
        sort: params.sort,
        offset: (params.page - 1) * params.pageSize,
        limit: params.pageSize,
      };
      const engine = getService('engine').get();
      const result = await engine.search(query);

      const hits = result.hits.map(({ doc, exact, regionTier }) => service.present(doc, planned.highlightTerms, cfg.snippetLength, {
        exact,
        regionTier,
        localeFallback: !!params.locale && doc.locale !== params.locale,
      }));

      const card = params.q && params.page === 1 ? await getService('card').forQuery(params.q, result.hits.map((h) => h.doc), params.locale ?? null) : null;
      if (params.q && params.page === 1) getService('analytics').record(params.q, params.site ?? null, result.total, params.locale ?? null);

      return {
        hits,
        total: result.total,
        page: params.page,
        pageSize: params.pageSize,
        pageCount: Math.ceil(result.total / params.pageSize),
        facets: result.facets,
        facetsSampled: !!result.facetsSampled,
        card,
        scope,
        site: params.site ?? null,
        region,
        engine: engine.name,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
      };
    },

    present(doc: IndexDoc, terms: string[], length: number, extra: { exact: boolean; regionTier: number | null; localeFallback: boolean }) {
      const text = [doc.summary, doc.body].filter(Boolean).join(' ');
      return {
        documentId: doc.documentId,
        uid: doc.uid,
        type: doc.type,
        locale: doc.locale,
        ...(extra.localeFallback ? { localeFallback: true } : {}),
        title: doc.title,
        titleHighlighted: highlight(doc.title, matchRanges(doc.title, terms)),
        snippet: snippet(text, terms, length),
        ownerSite: doc.ownerSite,
        sites: doc.sites,
        columns: doc.columns,
        region: doc.region,
        theme: doc.theme,
        authority: doc.authority,
        documentNumber: doc.documentNumber,
        indexNumber: doc.indexNumber,
        publishDate: doc.publishDate,
        validity: doc.validity,
        ...(doc.serviceName ? { serviceName: doc.serviceName, aliases: doc.aliases } : {}),
        exactMatch: extra.exact,
        regionTier: extra.regionTier,
      };
    },

    normalize: foldForSearch,
  };
  return service;
};
