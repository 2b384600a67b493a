import type { Core } from '@strapi/strapi';

/** The demo column each type appears in on its owner's site (seed 003's portal structure). */
const COLUMN_FOR: Record<string, (title: string) => string> = {
  'api::article.article': (title) => (/通知|公告|公示/.test(title) ? 'tzgg' : 'ywdt'),
  'api::policy.policy': () => 'zcwj',
  'api::interpretation.interpretation': () => 'zcjd',
  'api::service-guide.service-guide': () => 'bsfw',
  'api::faq.faq': () => 'hdjl',
};
const TITLE_FIELD: Record<string, string> = {
  'api::service-guide.service-guide': 'name',
  'api::faq.faq': 'question',
};

const SYSTEM = { kind: 'system' as const };

/**
 * Puts every published demo item into its owner site's column, and pushes the prefecture's policies
 * down to every county's 政策文件 column, through the site-group placement service (so the same
 * rules and audit apply as for editors). Idempotent: an item already in a column is left alone.
 */
export const seedDemoPlacements = async (strapi: Core.Strapi) => {
  const placements = strapi.plugin('site-group').service('placement');
  const tree = await strapi.plugin('site-group').service('editor-scope').hierarchy();
  let created = 0;

  const place = async (uid: string, documentId: string, site: string, column: string, origin: 'placed' | 'pushed') => {
    const siteRow = tree.byCode.get(site);
    if (!siteRow) return;
    const columnRow = await strapi.db.query('plugin::site-group.column').findOne({ where: { site: { id: siteRow.id }, slug: column }, select: ['id'] });
    if (!columnRow || (await placements.existing(uid, documentId, columnRow.id))) return;
    await placements.create({ contentType: uid, documentId, site, column, origin }, SYSTEM);
    created += 1;
  };

  for (const [uid, columnFor] of Object.entries(COLUMN_FOR)) {
    const titleField = TITLE_FIELD[uid] ?? 'title';
    const items = await strapi.db.query(uid).findMany({
      where: { publishedAt: { $notNull: true }, locale: 'zh-Hans' },
      select: ['documentId', 'ownerSite', titleField],
      orderBy: { id: 'asc' },
    });
    for (const item of items) {
      await place(uid, item.documentId, item.ownerSite, columnFor(item[titleField] ?? ''), 'placed');
      if (uid === 'api::policy.policy' && item.ownerSite === 'ganzi') {
        const counties = [...tree.byId.values()].filter((s) => s.level === 'county' && tree.ancestors(s.id).includes(tree.byCode.get('ganzi')!.id));
        for (const county of counties) await place(uid, item.documentId, county.code, 'zcwj', 'pushed');
      }
    }
  }
  return { created };
};
