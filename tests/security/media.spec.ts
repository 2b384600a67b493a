/**
 * Issue #16 item 6, both sides of the Media Library:
 *  - through the content API, a file (every file belongs to a site) is replaced, edited or deleted
 *    only by a full-access API token: users-permissions users, the Public role, read-only and custom
 *    tokens get 403 naming the file, whatever upload permissions they hold, and nothing changes;
 *  - in the admin, the demo's site editor role carries the site condition on the Media Library's
 *    actions, so an editor lists and opens only their sites' files.
 */
import crypto from 'crypto';
import { as, bootSecurityApp, FILE_UID, type SecurityCast } from './lib';
import { createAdmin, createApiToken, grantRoleActions, type AdminSession } from '../helpers/auth';
import { seedEditorRole } from '../../database/seeds/editor-role';

// A 1×1 PNG, and a second one with other bytes (a replacement must change the stored hash to count).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PNG2 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAD0lEQVQImWM4wcV1gosLAAeHAbl8qlD9AAAAAElFTkSuQmCC', 'base64');
const UPLOAD_ACTIONS = ['plugin::upload.content-api.upload', 'plugin::upload.content-api.destroy', 'plugin::upload.content-api.find', 'plugin::upload.content-api.findOne'];

let cast: SecurityCast;
let customToken: string;
let readOnlyToken: string;
const app = () => cast.app;

const adminUpload = async (session: AdminSession, fields: Record<string, string> = {}) => {
  let req = app().request().post('/upload').set('Authorization', `Bearer ${session.jwt}`);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  const res = await req.attach('files', PNG, { filename: `pixel-${crypto.randomBytes(3).toString('hex')}.png`, contentType: 'image/png' });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body[0].id as number;
};
const fileRow = (id: number) => app().strapi.db.query(FILE_UID).findOne({ where: { id }, select: ['id', 'name', 'hash', 'alternativeText', 'ownerSite', 'updatedAt'] });

beforeAll(async () => {
  cast = await bootSecurityApp();
  await grantRoleActions(app(), UPLOAD_ACTIONS, 'authenticated');
  await grantRoleActions(app(), UPLOAD_ACTIONS, 'public');
  const custom = await app().strapi.service('admin::api-token').create({
    name: `media-custom-${Date.now()}`, description: 'upload permissions only', kind: 'content-api', type: 'custom', lifespan: null, permissions: UPLOAD_ACTIONS,
  });
  customToken = custom.accessKey;
  readOnlyToken = await createApiToken(app(), 'read-only');
});
afterAll(async () => {
  await cast?.app.stop();
});

describe('content API: replacing, editing or deleting a site\'s file (item 6)', () => {
  type Caller = 'users-permissions user' | 'Public role' | 'read-only token' | 'custom token with upload permissions' | 'full-access token';
  const CALLERS: [Caller, () => string | null, 'file' | 'strapi' | 'allowed'][] = [
    // `file`: refused by the media rule, 403 naming the file; `strapi`: Strapi refuses first (no upload permission at all)
    ['users-permissions user', () => cast.user.jwt, 'file'],
    ['Public role', () => null, 'file'],
    ['read-only token', () => readOnlyToken, 'strapi'],
    ['custom token with upload permissions', () => customToken, 'file'],
    ['full-access token', () => cast.token, 'allowed'],
  ];
  const ACTS: [string, (id: number, auth: string | null) => Promise<any>][] = [
    ['replace (POST /api/upload?id=)', (id, auth) => {
      const req = app().request().post(`/api/upload?id=${id}`);
      return (auth ? req.set('Authorization', `Bearer ${auth}`) : req).attach('files', PNG2, { filename: 'replacement.png', contentType: 'image/png' });
    }],
    ['edit file info (POST /api/upload?id= without a file)', (id, auth) => {
      const req = app().request().post(`/api/upload?id=${id}`);
      return (auth ? req.set('Authorization', `Bearer ${auth}`) : req).field('fileInfo', JSON.stringify({ alternativeText: '改过的说明' }));
    }],
    ['delete (DELETE /api/upload/files/:id)', (id, auth) => {
      const req = app().request().delete(`/api/upload/files/${id}`);
      return auth ? req.set('Authorization', `Bearer ${auth}`) : req;
    }],
  ];

  it.each(['kangding', 'ganzi'].flatMap((site) => ACTS.flatMap(([act, run]) => CALLERS.map(([caller, auth, outcome]) => [act, site, caller, run, auth, outcome] as const))))(
    '%s of a %s file by a %s',
    async (act, site, _caller, run, auth, outcome) => {
      const id = await adminUpload(cast.superAdmin, { site });
      const before = await fileRow(id);
      const res = await run(id, auth());
      if (outcome === 'allowed') {
        expect(res.status).toBe(200);
        return;
      }
      expect(res.status).toBe(403);
      if (outcome === 'file') {
        expect(res.body.error.name).toBe('PolicyError');
        expect(res.body.error.message).toContain(`file #${id}`);
        expect(res.body.error.details).toEqual({ file: id, site });
      }
      expect(await fileRow(id)).toEqual(before);
    }
  );

  it('a file uploaded through the content API belongs to the root site and is as protected', async () => {
    const res = await app().request().post('/api/upload').set('Authorization', `Bearer ${cast.user.jwt}`).attach('files', PNG, { filename: 'mine.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    const id = res.body[0].id as number;
    expect((await fileRow(id))?.ownerSite).toBe('ganzi');
    const del = await app().request().delete(`/api/upload/files/${id}`).set('Authorization', `Bearer ${cast.user.jwt}`);
    expect(del.status).toBe(403);
    expect(await fileRow(id)).not.toBeNull();
  });
});

describe('admin Media Library: list and open scoped by the demo editor role\'s site condition (item 6)', () => {
  const files: Record<string, number> = {};
  let ludingEditor: AdminSession;
  let kangdingEditor: AdminSession;
  let prefectureEditor: AdminSession;

  beforeAll(async () => {
    const role = await seedEditorRole(app().strapi);
    expect((await seedEditorRole(app().strapi)).id).toBe(role.id); // idempotent
    const editor = async (site: string, includeDescendants: boolean) => {
      const session = await createAdmin(app(), { roles: [role.id] });
      await app().strapi.plugin('site-group').service('editor-scope').assign(session.id, site, includeDescendants);
      return session;
    };
    ludingEditor = await editor('luding', false);
    kangdingEditor = await editor('kangding', false);
    prefectureEditor = await editor('ganzi', true);
    files.luding = await adminUpload(ludingEditor);
    files.kangding = await adminUpload(kangdingEditor);
    files.ganzi = await adminUpload(cast.superAdmin, { site: 'ganzi' });
  });

  const listed = async (session: AdminSession) => {
    const res = await as(app(), session).get('/upload/files?pageSize=100');
    expect(res.status).toBe(200);
    return new Set((res.body.results as { id: number }[]).map((f) => f.id));
  };

  it.each<[string, () => AdminSession, string[], string[]]>([
    ['a luding editor', () => ludingEditor, ['luding'], ['kangding', 'ganzi']],
    ['a kangding editor', () => kangdingEditor, ['kangding'], ['luding', 'ganzi']],
    ['a prefecture editor (ganzi and below)', () => prefectureEditor, ['luding', 'kangding', 'ganzi'], []],
    ['the Super Admin', () => cast.superAdmin, ['luding', 'kangding', 'ganzi'], []],
  ])('GET /upload/files as %s', async (_who, session, sees, missing) => {
    const ids = await listed(session());
    for (const site of sees) expect(ids.has(files[site])).toBe(true);
    for (const site of missing) expect(ids.has(files[site])).toBe(false);
  });

  it.each<[string, () => AdminSession, string, number]>([
    ['a luding editor', () => ludingEditor, 'luding', 200],
    ['a luding editor', () => ludingEditor, 'kangding', 403],
    ['a luding editor', () => ludingEditor, 'ganzi', 403],
    ['a kangding editor', () => kangdingEditor, 'luding', 403],
    ['a prefecture editor', () => prefectureEditor, 'kangding', 200],
    ['the Super Admin', () => cast.superAdmin, 'kangding', 200],
  ])('GET /upload/files/:id as %s, a %s file → %i', async (_who, session, site, status) => {
    const res = await as(app(), session()).get(`/upload/files/${files[site]}`);
    expect(res.status).toBe(status);
    if (status === 403) expect(JSON.stringify(res.body)).not.toContain('pixel-');
  });

  it('a luding editor cannot delete a kangding file, deletes their own', async () => {
    expect((await as(app(), ludingEditor).del(`/upload/files/${files.kangding}`)).status).toBe(403);
    expect(await fileRow(files.kangding)).not.toBeNull();
    const own = await adminUpload(ludingEditor);
    expect((await as(app(), ludingEditor).del(`/upload/files/${own}`)).status).toBe(200);
  });
});
