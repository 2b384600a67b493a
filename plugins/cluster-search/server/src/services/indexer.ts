import type { Core } from '@strapi/strapi';
import type { IndexDoc } from '../engines/types';
import { identifierKey } from '../utils/identifier-key';
import { isCatalogueField, publicView, richTextToText, optionalPlugin } from '@jiyue/kernel';
import { searchableTypes, type SearchableType } from '../utils/searchable-types';
import { buildSiteMap, type SiteMap } from '../utils/site-map';
import { afterTransaction } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { splitAliases } from '../utils/aliases';

const TITLE_FIELDS = ['title', 'name', 'question'];
const META_FIELDS = ['issuingAuthority', 'documentNumber', 'indexNumber', 'subjectWords', 'aliases', 'implementingBody', 'keywords', 'itemCode'];

export interface RebuildProgress {
  done: number;
  total: number;
  perSecond: number;
}

/**
 * Turns published documents into index documents and keeps the engine in step: each write to a
 * searchable document (publish, unpublish, delete, placement change, retraction) schedules one
 * re-read of all its published locales, so a listener that sees an event twice does no harm.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const pending = new Map<string, { uid: string; documentId: string }>();
  const waiters: (() => void)[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let siteMapCache: { at: number; map: SiteMap } | null = null;

  const config = () => strapi.config.get('plugin::cluster-search') as { indexedDisclosure: string[]; syncDelayMs: number };

  const siteMap = async (): Promise<SiteMap> => {
    if (siteMapCache && Date.now() - siteMapCache.at < 2000) return siteMapCache.map;
    const siteGroup = optionalPlugin(strapi, 'site-group');
    const tree = siteGroup ? (await siteGroup.service('site-tree').tree({ locale: siteGroup.service('locale').primary(), state: 'all' })).tree : [];
    siteMapCache = { at: Date.now(), map: buildSiteMap(tree) };
    return siteMapCache.map;
  };

  type Placed = { site: string; column: string };
  /** Where each document is placed (site-group's placements; none without site-group). */
  const placementsOf = async (documentIds: string[]): Promise<Map<string, Placed[]>> => {
    const siteGroup = optionalPlugin(strapi, 'site-group');
    const found: Map<string, Placed[]> = siteGroup ? await siteGroup.service('site-content').itemPlacementsOf(documentIds) : new Map();
    return new Map(documentIds.map((id) => [id, (found.get(id) ?? []).filter((p) => p.site)]));
  };

  /**
   * A row of a searchable type as `strapi.db.query` reads it (every column): the ones read here by
   * name, each type's own text fields through the index signature.
   */
  interface ContentRow {
    id: number;
    documentId: string;
    locale: string;
    publishedAt?: string | Date | null;
    ownerSite?: string | null;
    disclosure?: string | null;
    publishDate?: string | Date | null;
    themeCategory?: string | null;
    issuingAuthority?: string | null;
    implementingBody?: string | null;
    documentNumber?: string | null;
    indexNumber?: string | null;
    validity?: string | null;
    [field: string]: unknown;
  }

  /** The kernel's disclosure rule first (不予公开 is never indexed), then this plugin's own narrowing. */
  const isPublic = (row: ContentRow) => {
    if (publicView(row) === 'hidden') return false;
    if (!('disclosure' in row) || row.disclosure === null || row.disclosure === undefined) return true;
    return config().indexedDisclosure.includes(row.disclosure);
  };

  /** The index documents of one document: one per published, public locale. */
  const documentsFor = (
    type: SearchableType,
    rows: ContentRow[],
    placements: { site: string; column: string }[],
    sites: SiteMap
  ): IndexDoc[] => {
    const published = rows.filter((r) => r.publishedAt && isPublic(r));
    const locales = [...new Set(published.map((r) => r.locale))].sort();
    return published.map((row) => {
      // 依申请公开: indexed by its catalogue entry only (title, 索引号, 发文字号, 发文机关), never its text.
      const catalogue = publicView(row) === 'catalogue';
      const titleField = TITLE_FIELDS.find((f) => f in type.attributes) ?? 'title';
      const bodyFields = catalogue ? [] : type.fields.filter((f) => f !== titleField && f !== 'summary' && !META_FIELDS.includes(f));
      const metaFields = type.fields.filter((f) => META_FIELDS.includes(f) && (!catalogue || isCatalogueField(f)));
      const owner = row.ownerSite as string;
      const direct = [...new Set([owner, ...placements.map((p) => p.site)].filter(Boolean))];
      const scope = [...new Set(direct.flatMap((code) => [code, ...sites.ancestors(code)]))];
      const publishDate = (row.publishDate ?? row.publishedAt ?? null) as string | Date | null;
      const iso = publishDate ? new Date(publishDate).toISOString() : null;
      return {
        key: `${type.uid}:${row.documentId}:${row.locale}`,
        uid: type.uid,
        type: type.type,
        documentId: row.documentId,
        locale: row.locale,
        locales,
        title: String(row[titleField] ?? '').replace(/\s+/g, ' ').trim(),
        summary: catalogue ? '' : richTextToText(row.summary),
        body: bodyFields.map((f) => richTextToText(row[f])).filter(Boolean).join('\n'),
        extra: metaFields.map((f) => richTextToText(row[f])).filter(Boolean).join(' '),
        ownerSite: owner,
        sites: direct,
        scopeSites: scope,
        columns: placements.map((p) => `${p.site}/${p.column}`),
        region: sites.get(owner)?.regionCode ?? null,
        theme: catalogue ? null : row.themeCategory ?? null,
        authority: row.issuingAuthority ?? row.implementingBody ?? null,
        documentNumber: row.documentNumber ?? null,
        indexNumber: row.indexNumber ?? null,
        documentNumberKey: identifierKey(row.documentNumber),
        indexNumberKey: identifierKey(row.indexNumber),
        publishDate: iso,
        year: iso ? Number(iso.slice(0, 4)) : null,
        validity: catalogue ? null : row.validity ?? null,
        serviceName: type.type === 'service-guide' ? String(row.name ?? '').trim() : null,
        aliases: splitAliases(row.aliases),
      } satisfies IndexDoc;
    });
  };

  const indexer = {
    types: () => searchableTypes(strapi),

    isSearchable: (uid: string) => searchableTypes(strapi).some((t) => t.uid === uid),

    async build(uid: string, documentId: string): Promise<IndexDoc[]> {
      const type = searchableTypes(strapi).find((t) => t.uid === uid);
      if (!type) return [];
      const rows: ContentRow[] = await strapi.db.query(uid).findMany({ where: { documentId, publishedAt: { $notNull: true } } });
      if (!rows.length) return [];
      return documentsFor(type, rows, (await placementsOf([documentId])).get(documentId)!, await siteMap());
    },

    /** Re-reads the document now and replaces it in the index. */
    async sync(uid: string, documentId: string) {
      if (!indexer.isSearchable(uid)) return;
      const docs = await indexer.build(uid, documentId);
      await getService('engine').get().replaceDocument(uid, documentId, docs);
    },

    /** Queues a re-read a moment later (writes come in bursts; placements are synced after the publish). Resolves once done. */
    schedule(uid: string, documentId: string): Promise<void> {
      if (!uid || !documentId || !indexer.isSearchable(uid)) return Promise.resolve();
      pending.set(`${uid}:${documentId}`, { uid, documentId });
      const done = new Promise<void>((resolve) => waiters.push(resolve));
      // The re-read waits for the write to commit: before, it would read the old version (or, from a
      // nested transaction, fail on the finished one). unref: destroy() flushes the queue; the timer
      // alone must not hold the process open.
      afterTransaction(strapi, () => {
        if (!timer) timer = setTimeout(() => void indexer.flush(), config().syncDelayMs).unref();
      });
      return done;
    },

    /** Syncs everything queued; concurrent calls wait for the same run. */
    async flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
      const batch = [...pending.values()];
      const resolved = waiters.splice(0);
      pending.clear();
      running = (async () => {
        for (const { uid, documentId } of batch) {
          try {
            await indexer.sync(uid, documentId);
          } catch (error) {
            strapi.log.error(`cluster-search: could not index ${uid} ${documentId}: ${(error as Error).message}`);
          }
        }
      })();
      await running;
      running = null;
      for (const resolve of resolved) resolve();
    },

    /** Any document id that one of our types holds (for events that name no content type). */
    async typesOf(documentId: string): Promise<string[]> {
      const found: string[] = [];
      for (const type of searchableTypes(strapi)) {
        if (await strapi.db.query(type.uid).findOne({ where: { documentId }, select: ['id'] })) found.push(type.uid);
      }
      return found;
    },

    /**
     * Builds a complete new index while the current one keeps serving, then swaps it in. Writes that
     * happen meanwhile are replayed on the new index at the swap.
     */
    async rebuild({ onProgress, batchSize = 500 }: { onProgress?: (p: RebuildProgress) => void; batchSize?: number } = {}) {
      const engine = getService('engine').get();
      const builder = await engine.beginRebuild();
      const started = Date.now();
      const sites = await siteMap();
      const types = searchableTypes(strapi);
      let total = 0;
      for (const type of types) total += await strapi.db.query(type.uid).count({ where: { publishedAt: { $notNull: true } } });
      let done = 0;
      let documents = 0;
      // Time spent waiting for the engine (segmenting, and writing where it cannot overlap the reads
      // of Strapi's tables), with the final merge.
      let engineMs = 0;
      try {
        for (const type of types) {
          let lastId = 0;
          for (;;) {
            const rows: ContentRow[] = await strapi.db.query(type.uid).findMany({
              where: { publishedAt: { $notNull: true }, id: { $gt: lastId } },
              orderBy: { id: 'asc' },
              limit: batchSize,
            });
            if (!rows.length) break;
            lastId = rows[rows.length - 1].id;
            // All published locales of a document go together (a fallback needs to know its siblings).
            const ids = [...new Set(rows.map((r) => r.documentId))];
            const siblings: ContentRow[] = await strapi.db.query(type.uid).findMany({ where: { documentId: { $in: ids }, publishedAt: { $notNull: true } } });
            const byDocument = new Map<string, ContentRow[]>();
            for (const row of siblings) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
            const placements = await placementsOf(ids);
            const docs: IndexDoc[] = [];
            for (const row of rows) {
              // Each document once: at the row of its lowest id.
              const group = byDocument.get(row.documentId)!;
              if (Math.min(...group.map((r) => r.id)) !== row.id) continue;
              docs.push(...documentsFor(type, group, placements.get(row.documentId)!, sites));
            }
            const writeStarted = performance.now();
            await builder.add(docs);
            engineMs += performance.now() - writeStarted;
            documents += docs.length;
            done += rows.length;
            onProgress?.({ done, total, perSecond: (done * 1000) / Math.max(1, Date.now() - started) });
          }
        }
        const finishStarted = performance.now();
        await builder.finish();
        engineMs += performance.now() - finishStarted;
      } catch (error) {
        await builder.abort();
        throw error;
      }
      const ms = Date.now() - started;
      return { rows: done, documents, ms, perSecond: (done * 1000) / Math.max(1, ms), engineMs, engineDocumentsPerSecond: (documents * 1000) / Math.max(1, engineMs) };
    },
  };
  return indexer;
};
