import type { Core } from '@strapi/strapi';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { ARTICLE, as, rebootStrapi } from './lib';

/**
 * The upgrade from the version where review-workflow kept submission targets in a `targets` JSON
 * column of its review states (`jiyue_review_states`) to distribution's own table. The database is
 * put in the old shape on the area's app (the column with rows in it, Strapi's stored schema listing
 * it, the app migration not yet run), then the app boots again as a new version would: the migration
 * holds the column's rows before the schema sync drops the column, distribution imports them on
 * bootstrap and serves them on its route; a second boot changes nothing. SQLite and PostgreSQL.
 */
const MIGRATION = '2026.12.07T00.00.00.hold-moved-submission-targets.js';
const STATES = 'jiyue_review_states';
const HOLDING = 'jiyue_moved_submission_targets';
const SUBMISSION_TARGET = 'plugin::distribution.submission-target';

let app: TestApp | undefined;
afterAll(async () => {
  await app?.stop();
});

interface StoredColumn {
  name: string;
  [key: string]: unknown;
}
interface StoredSchema {
  tables: { name: string; columns: StoredColumn[] }[];
}

/** Turns the database back into what the previous version left: the column, its rows, the schema Strapi stored for it. */
const intoOldShape = async (strapi: Core.Strapi, states: Record<string, unknown>[]) => {
  const db = strapi.db;
  await db.getSchemaConnection().alterTable(STATES, (t) => {
    t.jsonb('targets');
  });
  await db.getConnection(STATES).insert(states);
  const stored = await db.getConnection('strapi_database_schema').select('id', 'schema').orderBy('time', 'desc').first();
  const schema: StoredSchema = typeof stored.schema === 'string' ? JSON.parse(stored.schema) : stored.schema;
  const table = schema.tables.find((t) => t.name === STATES)!;
  const approvals = table.columns.find((c) => c.name === 'approvals')!;
  table.columns.push({ ...approvals, name: 'targets' });
  await db.getConnection('strapi_database_schema').where({ id: stored.id }).update({ schema: JSON.stringify(schema) });
  // The previous version had no such migration.
  await db.getConnection('strapi_migrations').where({ name: MIGRATION }).delete();
};

const submissionTargets = (strapi: Core.Strapi) =>
  strapi.db.query(SUBMISSION_TARGET).findMany({ orderBy: { id: 'asc' }, select: ['id', 'contentType', 'itemDocumentId', 'itemLocale', 'placements', 'channels', 'actorId', 'updatedAt'] });

describe('upgrade: submission targets move from review-workflow to distribution', () => {
  it('keeps every chosen target across the upgrade, drops the old column, and a second boot changes nothing', async () => {
    const first = await bootStrapi();
    await seedDemoSites(first.strapi);
    const docs = [];
    for (const title of ['甘孜州人民政府关于做好冬春季森林草原防灭火工作的通告', '康定市情歌节活动安排', '泸定县城乡居民医疗保险参保缴费公告']) {
      docs.push((await first.strapi.documents(ARTICLE).create({ data: { title, ownerSite: 'kangding' } as never })).documentId);
    }
    const [withTargets, withoutTargets, alreadyMoved] = docs;
    // A choice distribution already holds for one item is newer than the old column's: it stays.
    await first.strapi.plugin('distribution').service('targets').choose({ uid: ARTICLE, documentId: alreadyMoved, locale: 'zh-Hans' }, { placements: [{ site: 'kangding', column: 'tzgg', mode: 'reference' }], channels: [] }, null);

    const state = (documentId: string, locale: string, targets: unknown, submittedById: number | null = null) => ({
      document_id: `upgrade-${documentId}-${locale}`.slice(0, 60),
      content_type: ARTICLE,
      item_document_id: documentId,
      item_locale: locale,
      stage: 'first-review',
      cycle: 1,
      version: 0,
      submitted_by_id: submittedById,
      targets: targets === null ? null : JSON.stringify(targets),
    });
    await intoOldShape(first.strapi, [
      state(withTargets, 'zh-Hans', { placements: [{ site: 'kangding', column: 'tzgg', mode: 'copy' }, { site: 'luding', column: 'tzgg', mode: 'reference' }], channels: ['webhook:ganzi-app', 'wechat:ganzi'] }, 7),
      // Written before `mode` was filled in: a placement without one is a reference.
      state(withTargets, 'bo', { placements: [{ site: 'kangding', column: 'tzgg' }] }),
      state(withoutTargets, 'zh-Hans', null),
      state(alreadyMoved, 'zh-Hans', { placements: [{ site: 'luding', column: 'tzgg', mode: 'copy' }], channels: ['wechat:ganzi'] }),
    ]);
    expect(await first.strapi.db.getSchemaConnection().hasColumn(STATES, 'targets')).toBe(true);
    await first.stop();

    // The new version boots on the old database.
    app = await rebootStrapi();
    const strapi = app.strapi;
    expect(await strapi.db.getSchemaConnection().hasColumn(STATES, 'targets')).toBe(false);
    expect(await strapi.db.getSchemaConnection().hasTable(HOLDING)).toBe(false);
    expect(await strapi.db.getConnection('strapi_migrations').where({ name: MIGRATION }).first()).toBeTruthy();
    // review-workflow's states are still there, without targets.
    const kept = await strapi.db.getConnection(STATES).whereIn('item_document_id', docs).count({ n: '*' }).first();
    expect(Number(kept?.n)).toBe(4);

    const admin = await createAdmin(app);
    const targetsOf = async (documentId: string, locale: string) => {
      const res = await as(app!, admin).get(`/distribution/targets/${ARTICLE}/${documentId}?locale=${locale}`);
      expect(res.status).toBe(200);
      return res.body.data;
    };
    expect(await targetsOf(withTargets, 'zh-Hans')).toMatchObject({
      uid: ARTICLE,
      documentId: withTargets,
      locale: 'zh-Hans',
      placements: [{ site: 'kangding', column: 'tzgg', mode: 'copy' }, { site: 'luding', column: 'tzgg', mode: 'reference' }],
      channels: ['webhook:ganzi-app', 'wechat:ganzi'],
      updatedAt: expect.any(String),
    });
    expect(await targetsOf(withTargets, 'bo')).toMatchObject({ placements: [{ site: 'kangding', column: 'tzgg', mode: 'reference' }], channels: [] });
    expect(await targetsOf(withoutTargets, 'zh-Hans')).toMatchObject({ placements: [], channels: [], updatedAt: null });
    expect(await targetsOf(alreadyMoved, 'zh-Hans')).toMatchObject({ placements: [{ site: 'kangding', column: 'tzgg', mode: 'reference' }], channels: [] });
    // What the publish reads: the service every plugin above uses.
    expect(await strapi.plugin('distribution').service('targets').chosen(ARTICLE, withTargets, 'bo')).toEqual({ placements: [{ site: 'kangding', column: 'tzgg', mode: 'reference' }], channels: [] });
    const rows = await submissionTargets(strapi);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.itemDocumentId === withTargets && r.itemLocale === 'zh-Hans')?.actorId).toBe(7);

    // A second boot: nothing held, nothing imported, nothing changed.
    await app.stop();
    app = await rebootStrapi();
    expect(await submissionTargets(app.strapi)).toEqual(rows);
    expect(await app.strapi.db.getSchemaConnection().hasColumn(STATES, 'targets')).toBe(false);
    expect(await app.strapi.db.getSchemaConnection().hasTable(HOLDING)).toBe(false);
  });

  it('runs the migration and the import concurrently and twice without holding or importing a row twice, and does nothing without the column', async () => {
    app ??= await rebootStrapi();
    const strapi = app.strapi;
    const migration = require(`../../database/migrations/${MIGRATION}`) as { up: (trx: unknown, db: Core.Strapi['db']) => Promise<void> };
    const { importMovedTargets } = require('../../plugins/distribution/dist/server/upgrade/moved-targets') as { importMovedTargets: (s: Core.Strapi) => Promise<number> };
    // No column: nothing held (a new installation, or an upgrade already done).
    await strapi.db.transaction(({ trx }) => migration.up(trx, strapi.db));
    expect(await strapi.db.getSchemaConnection().hasTable(HOLDING)).toBe(false);
    expect(await importMovedTargets(strapi)).toBe(0);

    const documentId = (await strapi.documents(ARTICLE).create({ data: { title: 'དཀར་མཛེས་ཁུལ་གྱི་གསལ་བསྒྲགས།', ownerSite: 'kangding' } as never })).documentId;
    await strapi.db.getSchemaConnection().alterTable(STATES, (t) => {
      t.jsonb('targets');
    });
    try {
      await strapi.db.getConnection(STATES).insert({ document_id: `twice-${documentId}`, content_type: ARTICLE, item_document_id: documentId, item_locale: 'bo', stage: 'draft', cycle: 1, version: 0, targets: JSON.stringify({ placements: [{ site: 'kangding', column: 'tzgg', mode: 'copy' }], channels: [] }) });
      // Two hosts booting at once (two transactions on two connections; they take turns on the lock on PostgreSQL), then a third.
      await Promise.all([strapi.db.transaction(({ trx }) => migration.up(trx, strapi.db)), strapi.db.transaction(({ trx }) => migration.up(trx, strapi.db))]);
      await strapi.db.transaction(({ trx }) => migration.up(trx, strapi.db));
      expect(await strapi.db.getConnection(HOLDING).select('item_document_id', 'item_locale')).toEqual([{ item_document_id: documentId, item_locale: 'bo' }]);
      expect((await Promise.all([importMovedTargets(strapi), importMovedTargets(strapi)])).sort()).toEqual([0, 1]);
      expect(await importMovedTargets(strapi)).toBe(0);
      expect(await strapi.db.query(SUBMISSION_TARGET).count({ where: { itemDocumentId: documentId } })).toBe(1);
      expect(await strapi.plugin('distribution').service('targets').chosen(ARTICLE, documentId, 'bo')).toEqual({ placements: [{ site: 'kangding', column: 'tzgg', mode: 'copy' }], channels: [] });
    } finally {
      await strapi.db.getSchemaConnection().alterTable(STATES, (t) => {
        t.dropColumn('targets');
      });
    }
  });
});
