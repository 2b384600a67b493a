/**
 * Issue #16 item 16: the operations log (操作日志, asked for by 等保 reviews). Each kind of
 * configuration change appears with who, when, before and after; only root-site admins and Super
 * Admins read it; the database refuses UPDATE and DELETE of its rows; secrets never appear in clear.
 */
import { as, bootSecurityApp, cm, rejectionMessage, SITE_UID, COLUMN_UID, DICTIONARY_UID, OPERATION_UID, type SecurityCast } from './lib';


let cast: SecurityCast;

// One boot; generous, as the shared machine is often loaded.
beforeAll(async () => {
  cast = await bootSecurityApp();
}, 600_000);
afterAll(async () => {
  await cast?.app.stop();
});

const log = async (query: string) => {
  const res = await as(cast.app, cast.rootAdmin).get(`/site-group/operations?${query}`);
  expect({ status: res.status, error: res.body.error?.message }).toEqual({ status: 200, error: undefined });
  return res.body.data as any[];
};

describe('16 every kind of configuration change is logged with who, when, before and after', () => {
  const changes: Record<string, { subjectType: string; change: () => Promise<void>; before: object | null; after: object | null }> = {
    'a site renamed in the Content Manager': {
      subjectType: 'site',
      change: async () => {
        const site = await cast.app.strapi.db.query(SITE_UID).findOne({ where: { code: 'luding' } });
        const res = await as(cast.app, cast.superAdmin).put(`${cm(SITE_UID)}/${site.documentId}`, { name: '泸定县人民政府（测试）' });
        expect(res.status).toBe(200);
      },
      before: { code: 'luding', name: '泸定县' },
      after: { code: 'luding', name: '泸定县人民政府（测试）' },
    },
    'a column renamed in the Content Manager': {
      subjectType: 'column',
      change: async () => {
        const column = await cast.app.strapi.db.query(COLUMN_UID).findOne({ where: { slug: 'tzgg' }, orderBy: { id: 'asc' } });
        const res = await as(cast.app, cast.superAdmin).put(`${cm(COLUMN_UID)}/${column.documentId}`, { name: '通知公告（改）' });
        expect(res.status).toBe(200);
      },
      before: { slug: 'tzgg' },
      after: { slug: 'tzgg', name: '通知公告（改）' },
    },
    'an editor assigned to a site': {
      subjectType: 'assignment',
      change: async () => {
        const res = await as(cast.app, cast.superAdmin).post('/site-group/assignments', { userId: cast.ludingEditor.id, site: 'kangding', includeDescendants: false });
        expect(res.status).toBe(201);
      },
      before: null,
      after: { includeDescendants: false },
    },
    "a role's site condition changed (Settings → Roles)": {
      subjectType: 'role',
      change: async () => {
        const current = await as(cast.app, cast.superAdmin).get(`/admin/roles/${cast.editorRoleId}/permissions`);
        expect(current.status).toBe(200);
        const permissions = current.body.data.map((p: any) => ({
          action: p.action,
          subject: p.subject,
          properties: p.properties,
          conditions: p.action === 'plugin::content-manager.explorer.read' && p.subject === 'api::article.article' ? ['plugin::site-group.is-in-my-sites'] : p.conditions,
        }));
        const res = await as(cast.app, cast.superAdmin).put(`/admin/roles/${cast.editorRoleId}/permissions`, { permissions });
        expect({ status: res.status, error: res.body.error?.message }).toEqual({ status: 200, error: undefined });
      },
      before: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::article.article', conditions: ['plugin::site-group.is-in-my-sites-or-below'] }],
      after: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::article.article', conditions: ['plugin::site-group.is-in-my-sites'] }],
    },
    'a review stage config set (review-workflow)': {
      subjectType: 'stage-config',
      change: async () => {
        const res = await as(cast.app, cast.superAdmin).post('/review-workflow/stage-configs', { siteCode: 'luding', stage: 'final-review', roles: ['strapi-editor'] });
        expect([200, 201]).toContain(res.status);
      },
      before: null,
      after: { siteCode: 'luding', stage: 'final-review' },
    },
    'a channel created (distribution)': {
      subjectType: 'channel',
      change: async () => {
        // The secret lives in config; the channel row only names it.
        const credentials = (cast.app.strapi.config.get('plugin::distribution.credentials') as Record<string, unknown>) ?? {};
        cast.app.strapi.config.set('plugin::distribution.credentials', { ...credentials, 'luding-app': { site: 'luding', secret: 'S3cr3t-never-logged' } });
        const res = await as(cast.app, cast.superAdmin).post('/distribution/channels', {
          site: 'luding', kind: 'webhook', credential: 'luding-app', settings: { url: 'https://app.luding.gov.cn/hook' },
        });
        expect({ status: res.status, error: res.body.error?.message }).toEqual({ status: 201, error: undefined });
      },
      before: null,
      after: { site: 'luding', kind: 'webhook', credential: 'luding-app' },
    },
    'a dictionary entry added (review-workflow, 错敏词库)': {
      subjectType: 'dictionary-entry',
      change: async () => {
        const res = await as(cast.app, cast.superAdmin).post(cm(DICTIONARY_UID), { term: '测试错词', category: 'typo', severity: 'warning', correction: '测试正词' });
        expect(res.status).toBe(201);
      },
      before: null,
      after: { term: '测试错词', correction: '测试正词' },
    },
  };

  it.each(Object.keys(changes))('%s', async (name) => {
    const { subjectType, change, before, after } = changes[name];
    const started = new Date(Date.now() - 1000).toISOString();
    await change();
    const entries = await log(`subjectType=${subjectType}&actorId=${cast.superAdmin.id}&from=${encodeURIComponent(started)}`);
    expect(entries.length).toBeGreaterThanOrEqual(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ subjectType, actorKind: 'admin', actorId: cast.superAdmin.id, actorEmail: cast.superAdmin.email });
    expect(Date.parse(entry.createdAt)).toBeGreaterThanOrEqual(Date.parse(started));
    if (before === null) expect(entry.before).toBeNull();
    else expect(entry.before).toMatchObject(before);
    expect(entry.after).toMatchObject(after as object);
  });

  it('writes no secret in clear: the channel names its credential, and a secret-looking field is a fingerprint', async () => {
    const [channel] = await log('subjectType=channel');
    expect(channel.after.credential).toBe('luding-app');
    // Defence in depth for whatever a plugin records: secret-looking fields are fingerprinted, at any depth.
    await cast.app.strapi.plugin('site-group').service('operations').record({
      action: 'update', subject: { type: 'channel', id: 0 }, before: { settings: { appSecret: 'old-S3cr3t-never-logged' } }, after: { settings: { appSecret: 'S3cr3t-never-logged', token: ['S3cr3t-never-logged'] } },
    });
    const [entry] = await log('subjectType=channel');
    expect(entry.after.settings.appSecret).toMatch(/^\[redacted sha256:[0-9a-f]{12}\]$/);
    expect(entry.after.settings.appSecret).not.toBe(entry.before.settings.appSecret);
    const all = await cast.app.strapi.db.query(OPERATION_UID).findMany({});
    expect(JSON.stringify(all)).not.toContain('S3cr3t-never-logged');
  });
});

describe('16 who may read the log', () => {
  it.each([
    ['root-site admin', 200, () => cast.rootAdmin],
    ['Super Admin', 200, () => cast.superAdmin],
    ['luding editor', 403, () => cast.ludingEditor],
    ['kangding editor', 403, () => cast.kangdingEditor],
  ])('%s → %i', async (_name, status, session) => {
    const res = await as(cast.app, session()).get('/site-group/operations');
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.error.message).toMatch(/root-site admins and Super Admins/);
  });

  it('anonymous → 401', async () => {
    expect((await cast.app.request().get('/site-group/operations')).status).toBe(401);
  });

  it.each([
    ['from', 'from=yesterday'],
    ['to', 'from=2026-12-07&to=2026-01-01'],
    ['page', 'page=0'],
    ['pageSize', 'pageSize=1000'],
    ['actorId', 'actorId=abc'],
    ['subjectType', 'subjectType=%3Cscript%3E'],
  ])('a bad %s is a 400 naming the field', async (field, query) => {
    const res = await as(cast.app, cast.rootAdmin).get(`/site-group/operations?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual([field]);
  });

  it('paginates, newest first', async () => {
    const res = await as(cast.app, cast.rootAdmin).get('/site-group/operations?pageSize=2&page=1');
    expect(res.body.data).toHaveLength(2);
    expect(res.body.data[0].id).toBeGreaterThan(res.body.data[1].id);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2 });
    expect(res.body.meta.pagination.total).toBeGreaterThan(2);
  });
});

describe('16 the log is append-only', () => {
  it.each([
    ['Query Engine update', (id: number) => cast.app.strapi.db.query(OPERATION_UID).update({ where: { id }, data: { actorName: '篡改' } })],
    ['Query Engine delete', (id: number) => cast.app.strapi.db.query(OPERATION_UID).delete({ where: { id } })],
    ['Query Engine deleteMany', (id: number) => cast.app.strapi.db.query(OPERATION_UID).deleteMany({ where: { id: { $gte: id } } })],
  ])('%s is refused by the database and changes nothing', async (_name, attempt) => {
    const [row] = await cast.app.strapi.db.query(OPERATION_UID).findMany({ orderBy: { id: 'asc' }, limit: 1 });
    const before = JSON.stringify(row);
    const count = await cast.app.strapi.db.query(OPERATION_UID).count();
    expect(await rejectionMessage(attempt(row.id))).toMatch(/append-only/);
    expect(JSON.stringify(await cast.app.strapi.db.query(OPERATION_UID).findOne({ where: { id: row.id } }))).toBe(before);
    expect(await cast.app.strapi.db.query(OPERATION_UID).count()).toBe(count);
  });

  it('the Document Service refuses writes too', async () => {
    await expect(cast.app.strapi.documents(OPERATION_UID as any).create({ data: { action: 'forged', subjectType: 'site' } as any })).rejects.toMatchObject({ name: 'PolicyError' });
  });
});
