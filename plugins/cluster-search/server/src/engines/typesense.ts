import { Client } from 'typesense';
import { foldForSearch, runs, segmentForIndex } from '@jiyue/kernel';
import type { EngineQuery, EngineResult, FacetValue, IndexBuilder, IndexDoc, SearchEngine } from './types';

export interface TypesenseOptions {
  url: string;
  apiKey: string;
  /** Name of the alias searches go to; each rebuild creates `<collection>_<time>` and points the alias at it. */
  collection: string;
}

const FIELDS = [
  { name: 'uid', type: 'string' },
  { name: 'type', type: 'string', facet: true },
  { name: 'document_id', type: 'string' },
  { name: 'locale', type: 'string' },
  { name: 'locales', type: 'string[]' },
  { name: 'title_tk', type: 'string' },
  { name: 'summary_tk', type: 'string' },
  { name: 'body_tk', type: 'string' },
  { name: 'extra_tk', type: 'string' },
  { name: 'sites', type: 'string[]', facet: true },
  { name: 'scope_sites', type: 'string[]' },
  { name: 'region', type: 'string', optional: true },
  { name: 'theme', type: 'string', facet: true, optional: true },
  { name: 'authority', type: 'string', facet: true, optional: true },
  { name: 'doc_key', type: 'string', optional: true },
  { name: 'idx_key', type: 'string', optional: true },
  { name: 'publish_ts', type: 'int64' },
  { name: 'year', type: 'int32', facet: true, optional: true },
  { name: 'title_norm', type: 'string' },
  { name: 'payload', type: 'string', index: false, optional: true },
] as const;

/** Typesense cannot split at the tsheg (a multi-byte separator) nor knows Chinese words: it gets our tokens, space-separated. */
const toTypesense = (doc: IndexDoc) => ({
  id: Buffer.from(doc.key).toString('base64url'),
  uid: doc.uid,
  type: doc.type,
  document_id: doc.documentId,
  locale: doc.locale,
  locales: doc.locales,
  title_tk: segmentForIndex(doc.title).words,
  summary_tk: segmentForIndex(doc.summary).words,
  body_tk: segmentForIndex(doc.body).words,
  extra_tk: segmentForIndex(doc.extra).words,
  sites: doc.sites,
  scope_sites: doc.scopeSites,
  ...(doc.region ? { region: doc.region } : {}),
  ...(doc.theme ? { theme: doc.theme } : {}),
  ...(doc.authority ? { authority: doc.authority } : {}),
  ...(doc.documentNumberKey ? { doc_key: doc.documentNumberKey } : {}),
  ...(doc.indexNumberKey ? { idx_key: doc.indexNumberKey } : {}),
  publish_ts: doc.publishDate ? Date.parse(doc.publishDate) : 0,
  ...(doc.year ? { year: doc.year } : {}),
  title_norm: foldForSearch(doc.title),
  payload: JSON.stringify(doc),
});

/** What this engine reads back of a stored document: the IndexDoc, as JSON. */
type Stored = { payload: string };
const docOf = (stored: Stored) => JSON.parse(stored.payload) as IndexDoc;

/** Backticked filter value (Typesense's quoting for values with spaces or symbols). */
const v = (value: string) => `\`${value.replace(/`/g, '')}\``;

export const createTypesenseEngine = (options: TypesenseOptions): SearchEngine => {
  const url = new URL(options.url);
  const client = new Client({
    nodes: [{ host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), protocol: url.protocol.replace(':', '') }],
    apiKey: options.apiKey,
    connectionTimeoutSeconds: 5,
  });
  const alias = options.collection;

  const createCollection = async (name: string) => {
    await client.collections().create({ name, fields: FIELDS.map((f) => ({ ...f })), default_sorting_field: 'publish_ts' });
  };

  const filterBy = (q: EngineQuery) => {
    const parts: string[] = [];
    if (q.scope) parts.push(`${q.scope.field === 'sites' ? 'sites' : 'scope_sites'}:=${v(q.scope.site)}`);
    if (q.locale && q.fallbackLocale) parts.push(`(locale:=${v(q.locale)} || (locale:=${v(q.fallbackLocale)} && locales:!=${v(q.locale)}))`);
    else if (q.locale) parts.push(`locale:=${v(q.locale)}`);
    if (q.types.length) parts.push(`type:=[${q.types.map(v).join(',')}]`);
    if (q.themes.length) parts.push(`theme:=[${q.themes.map(v).join(',')}]`);
    if (q.authorities.length) parts.push(`authority:=[${q.authorities.map(v).join(',')}]`);
    if (q.from) parts.push(`publish_ts:>=${Date.parse(q.from)}`);
    if (q.to) parts.push(`publish_ts:<=${Date.parse(q.to)}`);
    return parts.join(' && ');
  };

  const sortBy = (q: EngineQuery) => {
    if (q.sort === 'date:desc') return 'publish_ts:desc';
    if (q.sort === 'date:asc') return 'publish_ts:asc';
    if (!q.regionTiers.length) return '_text_match:desc,publish_ts:desc';
    const tiers = q.regionTiers.map((r, i) => `(region:${v(r)}):${q.regionTiers.length - i}`).join(',');
    return `_eval([${tiers}]):desc,_text_match:desc,publish_ts:desc`;
  };

  const queryText = (q: EngineQuery) =>
    q.groups
      .map((alternatives) => (alternatives[0] ?? []).flatMap((run) => run.words).join(' '))
      .filter(Boolean)
      .join(' ');

  return {
    name: 'typesense',

    async init() {
      try {
        await client.aliases(alias).retrieve();
      } catch {
        const name = `${alias}_${Date.now()}`;
        await createCollection(name);
        await client.aliases().upsert(alias, { collection_name: name });
      }
    },

    async replaceDocument(uid, documentId, docs) {
      await client.collections(alias).documents().delete({ filter_by: `uid:=${v(uid)} && document_id:=${v(documentId)}` });
      if (docs.length) await client.collections(alias).documents().import(docs.map(toTypesense), { action: 'upsert' });
    },

    async search(q) {
      const text = queryText(q) || '*';
      const filter = filterBy(q);
      const common = {
        q: text,
        query_by: 'title_tk,summary_tk,body_tk,extra_tk',
        query_by_weights: '10,4,1,5',
        num_typos: 0,
        prefix: false,
        drop_tokens_threshold: 0,
        ...(filter ? { filter_by: filter } : {}),
      };
      const exact: IndexDoc[] = [];
      if (q.identifierKey && q.offset === 0) {
        const found = await client.collections<Stored>(alias).documents().search({
          ...common,
          q: '*',
          filter_by: [filter, `(doc_key:=${v(q.identifierKey)} || idx_key:=${v(q.identifierKey)})`].filter(Boolean).join(' && '),
          per_page: 10,
        });
        for (const hit of found.hits ?? []) exact.push(docOf(hit.document));
      }
      const result = await client.collections<Stored>(alias).documents().search({
        ...common,
        sort_by: sortBy(q),
        facet_by: 'type,sites,theme,authority,year',
        max_facet_values: 50,
        page: Math.floor(q.offset / q.limit) + 1,
        per_page: q.limit,
      });
      const facet = (field: string): FacetValue[] =>
        (result.facet_counts ?? []).find((f) => f.field_name === field)?.counts.map((c) => ({ value: String(c.value), count: c.count })) ?? [];
      const exactKeys = new Set(exact.map((d) => d.key));
      const rest = (result.hits ?? []).map((hit) => docOf(hit.document)).filter((d) => !exactKeys.has(d.key));
      const tierOf = (doc: IndexDoc) => (q.regionTiers.length ? (q.regionTiers.indexOf(doc.region ?? '') + 1 || q.regionTiers.length + 1) - 1 : null);
      return {
        total: result.found + exact.filter((d) => !(result.hits ?? []).some((h) => docOf(h.document).key === d.key)).length,
        hits: [
          ...exact.map((doc) => ({ doc, score: 0, exact: true, regionTier: tierOf(doc) })),
          ...rest.map((doc) => ({ doc, score: 0, exact: false, regionTier: tierOf(doc) })),
        ].slice(0, q.limit),
        facets: { type: facet('type'), site: facet('sites'), theme: facet('theme'), authority: facet('authority'), year: facet('year') },
      } satisfies EngineResult;
    },

    async completions(prefix, limit, locale) {
      const words = runs(prefix).flatMap((r) => r.words).join(' ');
      if (!words) return [];
      const result = await client.collections<Stored>(alias).documents().search({
        q: words,
        query_by: 'title_tk',
        prefix: true,
        num_typos: 0,
        per_page: limit,
        ...(locale ? { filter_by: `locale:=${v(locale)}` } : {}),
      });
      return [...new Set<string>((result.hits ?? []).map((h) => docOf(h.document).title))];
    },

    async findByKeys(keys) {
      const out: IndexDoc[] = [];
      for (const key of keys) {
        try {
          const doc = await client.collections<Stored>(alias).documents(Buffer.from(key).toString('base64url')).retrieve();
          out.push(docOf(doc));
        } catch {
          // A key that is not indexed is simply absent.
        }
      }
      return out;
    },

    async setSynonyms(groups) {
      const synonyms = client.collections(alias).synonyms();
      const existing = await synonyms.retrieve();
      const wanted = new Set(groups.map((g) => `jiyue-${g.id}`));
      for (const s of existing.synonyms ?? []) if (String(s.id).startsWith('jiyue-') && !wanted.has(s.id)) await client.collections(alias).synonyms(s.id).delete();
      for (const group of groups) {
        // Multi-way synonyms in the same pre-segmented form as the documents.
        await synonyms.upsert(`jiyue-${group.id}`, { synonyms: group.terms.map((t) => segmentForIndex(t).words) });
      }
    },

    async beginRebuild() {
      const name = `${alias}_${Date.now()}`;
      await createCollection(name);
      let previous: string | null = null;
      try {
        previous = (await client.aliases(alias).retrieve()).collection_name;
      } catch {
        previous = null;
      }
      return {
        async add(docs) {
          if (docs.length) await client.collections(name).documents().import(docs.map(toTypesense), { action: 'upsert' });
        },
        async finish() {
          await client.aliases().upsert(alias, { collection_name: name });
          if (previous && previous !== name) await client.collections(previous).delete();
        },
        async abort() {
          await client.collections(name).delete();
        },
      } satisfies IndexBuilder;
    },

    async stats() {
      const collection = await client.collections(alias).retrieve();
      return { engine: 'typesense', collection: collection.name, documents: collection.num_documents };
    },

    async close() {
      // The HTTP client holds no open resources.
    },
  };
};
