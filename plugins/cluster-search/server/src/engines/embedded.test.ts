import fs from 'fs';
import os from 'os';
import path from 'path';
import Database from 'better-sqlite3';
import { createEmbeddedEngine } from './embedded';
import { runs } from '@jiyue/kernel';
import type { EngineQuery, IndexDoc, SearchEngine } from './types';

const UID = 'api::article.article';

const doc = (n: number, fields: Partial<IndexDoc> = {}): IndexDoc => ({
  key: `${UID}:d${n}:zh-Hans`,
  uid: UID,
  type: 'article',
  documentId: `d${n}`,
  locale: 'zh-Hans',
  locales: ['zh-Hans'],
  title: `第${n}号通知`,
  summary: '',
  body: '推进项目建设，落实工作要求。',
  extra: '',
  ownerSite: n % 2 ? 'luding' : 'kangding',
  sites: [n % 2 ? 'luding' : 'kangding'],
  scopeSites: [n % 2 ? 'luding' : 'kangding', 'ganzi'],
  columns: [],
  region: null,
  theme: n % 3 ? 'economy' : 'health',
  authority: null,
  documentNumber: null,
  indexNumber: null,
  documentNumberKey: null,
  indexNumberKey: null,
  publishDate: `2024-01-${String((n % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
  year: 2024,
  validity: null,
  serviceName: null,
  aliases: [],
  ...fields,
});

const query = (q: string, extra: Partial<EngineQuery> = {}): EngineQuery => ({
  groups: [[runs(q)]],
  identifierKey: null,
  scope: null,
  locale: null,
  fallbackLocale: null,
  types: [],
  themes: [],
  authorities: [],
  from: null,
  to: null,
  regionTiers: [],
  sort: 'relevance',
  offset: 0,
  limit: 10,
  ...extra,
});

const count = (facet: { value: string; count: number }[], value: string) => facet.find((f) => f.value === value)?.count ?? 0;

describe('embedded engine', () => {
  let dir: string;
  let engine: SearchEngine;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiyue-embedded-'));
    engine = createEmbeddedEngine({ dir, name: 'spec' });
    await engine.init();
  });

  afterEach(async () => {
    await engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ranks title matches first in a large result, with an exact total and exact facets', async () => {
    // 1,200 bodies mention 建设; three titles do, and they must lead page 1.
    for (let n = 1; n <= 1200; n += 1) await engine.replaceDocument(UID, `d${n}`, [doc(n, [7, 500, 1100].includes(n) ? { title: `加快项目建设第${n}号通知` } : {})]);
    const result = await engine.search(query('建设'));
    expect(result.total).toBe(1200);
    expect(result.hits.slice(0, 3).map((h) => h.doc.documentId).sort()).toEqual(['d1100', 'd500', 'd7']);
    expect(result.hits).toHaveLength(10);
    expect(result.facetsSampled).toBe(false);
    expect(count(result.facets.site, 'luding')).toBe(600);
    expect(count(result.facets.site, 'kangding')).toBe(600);
    expect(count(result.facets.theme, 'health')).toBe(400);

    // Page 2 continues after the title matches without repeating any hit.
    const page2 = await engine.search(query('建设', { offset: 10 }));
    const seen = new Set(result.hits.map((h) => h.doc.documentId));
    expect(page2.hits.some((h) => seen.has(h.doc.documentId))).toBe(false);
  });

  it('lists the title matches of a very large result newest first, and counts sampled facets over them', async () => {
    // 2,000 titles and 8,500 bodies mention 建设: more than FACET_EXACT (10,000) hits in all.
    const builder = await engine.beginRebuild();
    const hour = 3_600_000;
    const docs: IndexDoc[] = [];
    for (let n = 1; n <= 10_500; n += 1) {
      const inTitle = n <= 2000;
      docs.push(
        doc(n, {
          title: inTitle ? `关于加快项目建设的第${n}号通知` : `第${n}号通知`,
          theme: inTitle ? 'health' : 'economy',
          publishDate: new Date(Date.UTC(2020, 0, 1) + (inTitle ? (n * 7919) % 2000 : n) * hour).toISOString(),
        })
      );
    }
    for (let at = 0; at < docs.length; at += 500) await builder.add(docs.slice(at, at + 500));
    await builder.finish();

    const result = await engine.search(query('建设'));
    expect(result.total).toBe(10_500);
    const newestTitled = docs
      .filter((d) => d.title.includes('建设'))
      .sort((a, b) => b.publishDate!.localeCompare(a.publishDate!))
      .slice(0, 10)
      .map((d) => d.documentId);
    expect(result.hits.map((h) => h.doc.documentId)).toEqual(newestTitled);

    // The sample is the title matches, all of them.
    expect(result.facetsSampled).toBe(true);
    expect(result.facets.theme).toEqual([{ value: 'health', count: 2000 }]);

    // Date order over more than 10,000 hits walks the date index (checking each row against the query).
    const byDate = (direction: 1 | -1) =>
      [...docs].sort((a, b) => direction * a.publishDate!.localeCompare(b.publishDate!) || direction * (Number(a.documentId.slice(1)) - Number(b.documentId.slice(1))));
    const newest = await engine.search(query('建设', { sort: 'date:desc' }));
    expect(newest.total).toBe(10_500);
    expect(newest.hits.map((h) => h.doc.documentId)).toEqual(byDate(-1).slice(0, 10).map((d) => d.documentId));
    const oldest = await engine.search(query('建设', { sort: 'date:asc', offset: 20 }));
    expect(oldest.hits.map((h) => h.doc.documentId)).toEqual(byDate(1).slice(20, 30).map((d) => d.documentId));

    // After the 2,000 title matches come the others, without repeats.
    const after = await engine.search(query('建设', { offset: 1995 }));
    const titled = after.hits.map((h) => h.doc.title.includes('建设'));
    expect(titled).toEqual([true, true, true, true, true, false, false, false, false, false]);
  });

  it('keeps a Tibetan syllable whole: its vowel signs and subjoined letters are part of it', async () => {
    // སྐད (language) and the two syllables ས་ད: a tokenizer that cut at the subjoined ྐ would index
    // སྐད as ས followed by ད and find both documents.
    await engine.replaceDocument(UID, 'd1', [doc(1, { locale: 'bo', locales: ['bo'], title: 'བོད་སྐད་སློབ་གསོ།', body: '' })]);
    await engine.replaceDocument(UID, 'd2', [doc(2, { locale: 'bo', locales: ['bo'], title: 'ས་ད་ཞིབ་བཤེར།', body: '' })]);
    const ids = async (q: string) => (await engine.search(query(q))).hits.map((h) => h.doc.documentId);
    expect(await ids('སྐད')).toEqual(['d1']);
    expect(await ids('ས་ད')).toEqual(['d2']);
    expect(await ids('བོད')).toEqual(['d1']);
  });

  it('counts a one-word query over the whole index exactly, also after documents were replaced and removed', async () => {
    // 建设 is in 1,500 documents, so the rebuild keeps its count (term_docs); 落实 is in every one too.
    const builder = await engine.beginRebuild();
    await builder.add(Array.from({ length: 1500 }, (_, i) => doc(i + 1)));
    await builder.finish();
    expect((await engine.search(query('建设'))).total).toBe(1500);

    // Every third removed, every third rewritten without 建设, one new document that has it.
    for (let n = 1; n <= 1500; n += 3) await engine.replaceDocument(UID, `d${n}`, []);
    for (let n = 2; n <= 1500; n += 3) await engine.replaceDocument(UID, `d${n}`, [doc(n, { body: '落实工作要求。' })]);
    await engine.replaceDocument(UID, 'd1501', [doc(1501)]);
    const result = await engine.search(query('建设'));
    expect(result.total).toBe(501);
    expect((await engine.search(query('落实'))).total).toBe(1001);
    // The same words with a filter are counted by listing the hits: both agree.
    expect((await engine.search(query('建设', { themes: ['economy', 'health'] }))).total).toBe(501);
    expect((await engine.search(query('建设', { offset: 495 }))).hits).toHaveLength(6);
  });

  it('orders by date with ties by indexing order and undated documents last (newest first) or first (oldest first)', async () => {
    const dates = ['2024-03-01T00:00:00.000Z', null, '2024-05-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z', '2023-12-31T00:00:00.000Z'];
    for (const [i, publishDate] of dates.entries()) await engine.replaceDocument(UID, `d${i + 1}`, [doc(i + 1, { publishDate })]);
    const ids = async (sort: EngineQuery['sort'], extra: Partial<EngineQuery> = {}) =>
      (await engine.search(query('建设', { sort, ...extra }))).hits.map((h) => h.doc.documentId);
    expect(await ids('date:desc')).toEqual(['d3', 'd4', 'd1', 'd5', 'd2']);
    expect(await ids('date:asc')).toEqual(['d2', 'd5', 'd1', 'd4', 'd3']);
    expect(await ids('date:desc', { offset: 1, limit: 2 })).toEqual(['d4', 'd1']);
    // Browsing without words lists newest first too.
    expect((await engine.search({ ...query('建设'), groups: [] })).hits.map((h) => h.doc.documentId)).toEqual(['d3', 'd4', 'd1', 'd5', 'd2']);
  });

  it('keeps facets in step with replaced and removed documents', async () => {
    await engine.replaceDocument(UID, 'd1', [doc(1)]);
    await engine.replaceDocument(UID, 'd2', [doc(2)]);
    expect(count((await engine.search(query('建设'))).facets.site, 'luding')).toBe(1);

    // Moved to another site and theme; then the other one is removed.
    await engine.replaceDocument(UID, 'd1', [doc(1, { sites: ['kangding', 'daofu'], ownerSite: 'kangding', theme: 'health' })]);
    await engine.replaceDocument(UID, 'd2', []);
    const { total, facets } = await engine.search(query('建设'));
    expect(total).toBe(1);
    expect(count(facets.site, 'luding')).toBe(0);
    expect(facets.site.map((f) => f.value).sort()).toEqual(['daofu', 'kangding']);
    expect(facets.theme).toEqual([{ value: 'health', count: 1 }]);
  });

  it('sees documents another process wrote to the same index file', async () => {
    await engine.replaceDocument(UID, 'd1', [doc(1)]);
    expect((await engine.search(query('建设'))).total).toBe(1);

    const other = createEmbeddedEngine({ dir, name: 'spec' });
    await other.replaceDocument(UID, 'd2', [doc(2, { theme: 'culture' })]);
    await other.close();

    const { total, facets } = await engine.search(query('建设'));
    expect(total).toBe(2);
    expect(count(facets.theme, 'culture')).toBe(1);
  });

  it('sets aside an index file segmented with other ICU data', async () => {
    // Intl.Segmenter's Chinese words come from ICU: after a Node upgrade that changes it, documents
    // would be cut unlike queries.
    await engine.replaceDocument(UID, 'd1', [doc(1)]);
    const { file } = (await engine.stats()) as { file: string };
    await engine.close();
    const old = new Database(file);
    const layout = old.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get() as string;
    expect(layout).toContain(`icu ${process.versions.icu}`);
    old.prepare("UPDATE meta SET value = ? WHERE key = 'schema'").run(layout.replace(/icu .*/, 'icu 0.1'));
    old.close();

    engine = createEmbeddedEngine({ dir, name: 'spec' });
    expect(await engine.needsRebuild!()).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('sets aside an index file of an older layout and asks for a rebuild', async () => {
    await engine.replaceDocument(UID, 'd1', [doc(1)]);
    const { file } = (await engine.stats()) as { file: string };
    await engine.close();
    // An older file: no layout version recorded.
    const old = new Database(file);
    old.prepare("DELETE FROM meta WHERE key = 'schema'").run();
    old.close();

    engine = createEmbeddedEngine({ dir, name: 'spec' });
    expect(await engine.needsRebuild!()).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect((await engine.search(query('建设'))).total).toBe(0);

    const builder = await engine.beginRebuild();
    await builder.add([doc(1), doc(2)]);
    await builder.finish();
    expect(await engine.needsRebuild!()).toBe(false);
    expect((await engine.search(query('建设'))).total).toBe(2);
  });
});
