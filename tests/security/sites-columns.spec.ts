/**
 * Issue #16 item 5: sites and columns have owners. A site admin (assigned to a site with the sites
 * below it) creates, updates and deletes only sites and columns in that subtree, through the Content
 * Manager or any other write path, and cannot move one out of it; `assignment.manage` grants no wider
 * scope than the granter has, and only to existing admin users.
 */
import { createAdmin, type AdminSession } from '../helpers/auth';
import { as, bootSecurityApp, cm, SITE_UID, COLUMN_UID, DICTIONARY_UID, GLOSSARY_UID, type SecurityCast } from './lib';


let cast: SecurityCast;
/** Site admin of 康定 (kangding) and everything below it, with Content Manager rights on sites and columns. */
let kangdingAdmin: AdminSession;
/** Assigned to the root site (ganzi) only, without the sites below: a narrow granter. */
let ganziOnly: AdminSession;
/** The same role assigned to the root site with everything below it. */
let rootSiteAdmin: AdminSession;
let spare: AdminSession;
const docs: Record<string, string> = {};
const columns: Record<string, string> = {};

const siteDoc = async (code: string) =>
  (await cast.app.strapi.db.query(SITE_UID).findOne({ where: { code }, select: ['documentId'] })).documentId as string;

const K = () => as(cast.app, kangdingAdmin);

beforeAll(async () => {
  cast = await bootSecurityApp();
  const { strapi } = cast.app;
  // "Anyone with column update": a role with the Content Manager on sites and columns, no conditions.
  const role = await strapi.service('admin::role').create({ name: `Site admin ${Date.now()}`, description: 'sites and columns' });
  const siteGroupActions = strapi
    .service('admin::permission')
    .actionProvider.values()
    .filter((a: { pluginName?: string }) => a.pluginName === 'site-group')
    .map((a: { actionId: string }) => ({ action: a.actionId, properties: {}, conditions: [] }));
  await strapi.service('admin::role').assignPermissions(role.id, [
    ...['read', 'create', 'update', 'delete'].flatMap((a) =>
      [SITE_UID, COLUMN_UID, DICTIONARY_UID, GLOSSARY_UID].map((subject) => ({ action: `plugin::content-manager.explorer.${a}`, subject, properties: {}, conditions: [] }))
    ),
    ...siteGroupActions,
  ]);
  const scoped = async (site: string, includeDescendants: boolean) => {
    const session = await createAdmin(cast.app, { roles: [role.id] });
    await strapi.plugin('site-group').service('editor-scope').assign(session.id, site, includeDescendants);
    return session;
  };
  kangdingAdmin = await scoped('kangding', true);
  ganziOnly = await scoped('ganzi', false);
  rootSiteAdmin = await scoped('ganzi', true);
  spare = await createAdmin(cast.app, { roles: [cast.editorRoleId] });
  for (const code of ['ganzi', 'kangding', 'luding']) {
    docs[code] = await siteDoc(code);
    const column = await strapi.db.query(COLUMN_UID).findOne({ where: { site: { code } }, select: ['documentId'], orderBy: { id: 'asc' } });
    columns[code] = column.documentId;
  }
}, 300_000);

afterAll(async () => {
  await cast?.app.stop();
});

describe('sites: a site admin manages only their subtree', () => {
  it('edits their own site', async () => {
    const res = await K().put(`${cm(SITE_UID)}/${docs.kangding}`, { sponsor: '康定市人民政府办公室' });
    expect(res.status).toBe(200);
  });

  it('cannot edit another county (403 naming it), nothing is written', async () => {
    const res = await K().put(`${cm(SITE_UID)}/${docs.luding}`, { sponsor: '改写' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/luding/);
    const row = await cast.app.strapi.db.query(SITE_UID).findOne({ where: { code: 'luding' }, select: ['sponsor'] });
    expect(row.sponsor).not.toBe('改写');
  });

  it('cannot edit the root site above them', async () => {
    expect((await K().put(`${cm(SITE_UID)}/${docs.ganzi}`, { sponsor: '改写' })).status).toBe(403);
  });

  it('creates a site below their own, and edits it', async () => {
    const created = await K().post(cm(SITE_UID), {
      name: '炉城镇', code: 'kangding-lucheng', level: 'township', kind: 'portal', regionCode: '513301', parent: { connect: [{ documentId: docs.kangding }] },
    });
    expect(created.status).toBe(201);
    const edited = await K().put(`${cm(SITE_UID)}/${created.body.data.documentId}`, { sponsor: '炉城镇人民政府' });
    expect(edited.status).toBe(200);
  });

  it.each([
    ['under another county', () => ({ name: '泸桥镇', code: 'luding-luqiao', level: 'township', kind: 'portal', regionCode: '513322001', parent: { connect: [{ documentId: docs.luding }] } })],
    ['as a new root site', () => ({ name: '新根站', code: 'new-root', level: 'prefecture', kind: 'portal', regionCode: '519900' })],
  ])('cannot create a site %s', async (_name, body) => {
    const res = await K().post(cm(SITE_UID), body());
    expect(res.status).toBe(403);
    expect(await cast.app.strapi.db.query(SITE_UID).findOne({ where: { code: body().code } })).toBeNull();
  });

  it('cannot move their site out of their subtree (under another county)', async () => {
    const res = await K().put(`${cm(SITE_UID)}/${docs.kangding}`, { parent: { connect: [{ documentId: docs.luding }] } });
    expect(res.status).toBe(403);
    const row = await cast.app.strapi.db.query(SITE_UID).findOne({ where: { code: 'kangding' }, populate: { parent: { select: ['code'] } } });
    expect(row.parent.code).toBe('ganzi');
  });

  it('cannot delete another site', async () => {
    expect((await K().del(`${cm(SITE_UID)}/${docs.luding}`)).status).toBe(403);
    expect(await cast.app.strapi.db.query(SITE_UID).findOne({ where: { code: 'luding' } })).not.toBeNull();
  });

  it('the root-site admin and the Super Admin edit any site', async () => {
    expect((await as(cast.app, cast.superAdmin).put(`${cm(SITE_UID)}/${docs.luding}`, { sponsor: '泸定县人民政府办公室' })).status).toBe(200);
  });
});

describe('columns: only in the site admin\'s sites', () => {
  it('edits a column of their site', async () => {
    expect((await K().put(`${cm(COLUMN_UID)}/${columns.kangding}`, { description: '康定要闻' })).status).toBe(200);
  });

  it.each([
    ['edit a column of another site', () => K().put(`${cm(COLUMN_UID)}/${columns.luding}`, { description: '改写' })],
    ['delete a column of another site', () => K().del(`${cm(COLUMN_UID)}/${columns.luding}`)],
    ['create a column in another site', () => K().post(cm(COLUMN_UID), { name: '外站栏目', slug: 'matrix-foreign', kind: 'list', fill: 'manual', site: { connect: [{ documentId: docs.luding }] } })],
    ['move their column to another site', () => K().put(`${cm(COLUMN_UID)}/${columns.kangding}`, { site: { connect: [{ documentId: docs.luding }] } })],
  ])('cannot %s (403)', async (_name, request) => {
    const res = await request();
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('PolicyError');
  });

  it('the luding column is untouched and the kangding column still belongs to kangding', async () => {
    const luding = await cast.app.strapi.db.query(COLUMN_UID).findOne({ where: { documentId: columns.luding }, select: ['description'] });
    expect(luding).not.toBeNull();
    expect(luding.description).not.toBe('改写');
    const kangding = await cast.app.strapi.db.query(COLUMN_UID).findOne({ where: { documentId: columns.kangding }, populate: { site: { select: ['code'] } } });
    expect(kangding.site.code).toBe('kangding');
  });

  it('creates a column in their site', async () => {
    const res = await K().post(cm(COLUMN_UID), { name: '康定通知', slug: 'matrix-kd-notice', kind: 'list', fill: 'manual', site: { connect: [{ documentId: docs.kangding }] } });
    expect(res.status).toBe(201);
  });
});

describe('assignments: no wider than the granter, only to existing admins', () => {
  const assign = (who: AdminSession, body: object) => as(cast.app, who).post('/site-group/assignments', body);

  it('a site admin assigns an admin to a site of their subtree, with the sites below', async () => {
    const res = await assign(kangdingAdmin, { userId: spare.id, site: 'kangding', includeDescendants: true });
    expect(res.status).toBe(201);
  });

  it('cannot grant a site outside their scope (403 naming it)', async () => {
    const res = await assign(kangdingAdmin, { userId: spare.id, site: 'luding' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/luding/);
  });

  it('cannot grant the sites below a site they hold without them', async () => {
    const res = await assign(ganziOnly, { userId: spare.id, site: 'ganzi', includeDescendants: true });
    expect(res.status).toBe(403);
    const narrow = await assign(ganziOnly, { userId: spare.id, site: 'ganzi', includeDescendants: false });
    expect(narrow.status).toBe(201);
  });

  it('cannot remove an assignment outside their scope', async () => {
    const res = await as(cast.app, kangdingAdmin).post('/site-group/assignments/remove', { userId: cast.ludingEditor.id, site: 'luding' });
    expect(res.status).toBe(403);
    expect(await cast.app.strapi.plugin('site-group').service('editor-scope').siteCodes(cast.ludingEditor.id)).toEqual(['luding']);
  });

  it('refuses a userId that is no existing admin user: 400 naming userId, nothing assigned', async () => {
    const res = await assign(cast.superAdmin, { userId: 999999, site: 'kangding' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['userId']);
    expect(await cast.app.strapi.plugin('site-group').service('editor-scope').assignments(999999)).toEqual([]);
  });

  it('lists a user\'s assignments only within the caller\'s sites', async () => {
    const res = await as(cast.app, kangdingAdmin).get(`/site-group/assignments?userId=${cast.rootAdmin.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data.sites).not.toContain('luding');
    expect(res.body.data.sites).toContain('kangding');
  });
});

describe('cluster-wide data edited in the Content Manager: admins of the root site only', () => {
  it.each([
    ['the pre-check dictionary', DICTIONARY_UID, { term: '矩阵测试词', category: 'typo', severity: 'warning' }],
    ['the glossary', GLOSSARY_UID, { zh: '矩阵测试地名', domain: 'place-name', approved: false }],
  ])('%s: a county site admin gets 403, the root-site admin creates', async (_name, uid, body) => {
    const refused = await K().post(cm(uid), body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.name).toBe('PolicyError');
    const created = await as(cast.app, rootSiteAdmin).post(cm(uid), body);
    expect(created.status).toBe(201);
  });
});
