import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createApiToken, createUser, type AdminSession, type UserSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { seedDemo } from '../../database/seeds';
import { SUITE_PLUGINS, siteEditorPermissions } from '../../database/seeds/editor-role';

/** The five opted-in content types of the shared model. */
export const CONTENT_TYPES = [
  'api::article.article',
  'api::policy.policy',
  'api::interpretation.interpretation',
  'api::service-guide.service-guide',
  'api::faq.faq',
] as const;

export const ARTICLE = 'api::article.article';
export const POLICY = 'api::policy.policy';
export const INTERPRETATION = 'api::interpretation.interpretation';
export const GUIDE = 'api::service-guide.service-guide';
export const FAQ = 'api::faq.faq';

/** The suite's own models the security tests read and write directly. */
export const SITE_UID = 'plugin::site-group.site';
export const COLUMN_UID = 'plugin::site-group.column';
export const OPERATION_UID = 'plugin::site-group.operation';
export const DICTIONARY_UID = 'plugin::review-workflow.dictionary-entry';
export const REVIEW_EVENT_UID = 'plugin::review-workflow.review-event';
export const REVIEW_STATE_UID = 'plugin::review-workflow.review-state';
export const GLOSSARY_UID = 'plugin::bilingual.glossary-term';
export const CHANNEL_UID = 'plugin::distribution.channel';
export const FILE_UID = 'plugin::upload.file';
/** The one route-scope policy (site-group). */
export const SCOPE_POLICY = 'plugin::site-group.scope';

export { SUITE_PLUGINS };

export const cm = (uid: string) => `/content-manager/collection-types/${uid}`;

/** Requests as an admin session (admin JWT), as the admin panel sends them. */
export const as = (app: TestApp, session: { jwt: string }) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${session.jwt}`),
  post: (path: string, body: object = {}) => app.request().post(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
  put: (path: string, body: object = {}) => app.request().put(path).set('Authorization', `Bearer ${session.jwt}`).send(body),
  del: (path: string) => app.request().delete(path).set('Authorization', `Bearer ${session.jwt}`),
});

/**
 * One admin role for every site editor of the cast: the demo's site editor permissions
 * (`database/seeds/editor-role`): the Content Manager on the five types and the Media Library,
 * limited to the owning site (`is-in-my-sites-or-below`), plus every action our plugins register
 * (`read-drafts` with the same condition). What an editor may do is then decided by site scope
 * alone, which is what the security suite tests.
 */
export const createSiteEditorRole = async (app: TestApp, condition = 'plugin::site-group.is-in-my-sites-or-below') => {
  const role = await app.strapi.service('admin::role').create({ name: `Site editor ${Date.now()}`, description: 'site-scoped editor' });
  await app.strapi.service('admin::role').assignPermissions(role.id, siteEditorPermissions(app.strapi, condition));
  return role.id as number;
};

export interface SecurityCast {
  app: TestApp;
  /** Strapi's Super Admin role: may do everything everywhere. */
  superAdmin: AdminSession;
  /** The site-editor role assigned to the root site (ganzi) with every site below it. */
  rootAdmin: AdminSession;
  /** The site-editor role assigned to 泸定 (luding) only: the "rogue editor" of the probe. */
  ludingEditor: AdminSession;
  /** The site-editor role assigned to 康定 (kangding) only. */
  kangdingEditor: AdminSession;
  /** Three distinct reviewers (三审) with the site-editor role over the whole tree. */
  reviewers: AdminSession[];
  /** A users-permissions user (Authenticated role). */
  user: UserSession;
  /** A full-access content-API token. */
  token: string;
  editorRoleId: number;
}

/**
 * The cast of the security suite on the Garzê demo tree (1 prefecture, 18 counties, 19 departments):
 * a Super Admin, a root-site admin, editors scoped to luding and kangding, three reviewers, a logged-in
 * public user and an API token. With `content: true` the whole demo (items, placements, public read)
 * is seeded too. One boot per test file: call in beforeAll, `cast.app.stop()` in afterAll.
 */
export const bootSecurityApp = async ({ content = false }: { content?: boolean } = {}): Promise<SecurityCast> => {
  const app = await bootStrapi();
  if (content) await seedDemo(app.strapi, { log: () => undefined });
  else await seedDemoSites(app.strapi);
  const superAdmin = await createAdmin(app);
  const editorRoleId = await createSiteEditorRole(app);
  const scoped = async (site: string, includeDescendants: boolean) => {
    const session = await createAdmin(app, { roles: [editorRoleId] });
    await app.strapi.plugin('site-group').service('editor-scope').assign(session.id, site, includeDescendants);
    return session;
  };
  const rootAdmin = await scoped('ganzi', true);
  const ludingEditor = await scoped('luding', false);
  const kangdingEditor = await scoped('kangding', false);
  const reviewers = [await scoped('ganzi', true), await scoped('ganzi', true), await scoped('ganzi', true)];
  const user = await createUser(app);
  const token = await createApiToken(app);
  return { app, superAdmin, rootAdmin, ludingEditor, kangdingEditor, reviewers, user, token, editorRoleId };
};

/**
 * The message a refused write rejects with. Not `rejects.toThrow`: better-sqlite3's native addon keeps
 * the SqliteError class of the first test file that loaded it, so in later files of the same jest
 * worker its errors are not `instanceof Error` of the file's realm and `toThrow` reports "did not throw".
 */
export const rejectionMessage = (write: PromiseLike<unknown>): Promise<string> =>
  Promise.resolve(write).then(
    () => {
      throw new Error('the write was not refused');
    },
    (error: unknown) => String((error as { message?: unknown })?.message ?? error)
  );
