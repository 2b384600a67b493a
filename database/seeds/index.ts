import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { seedDemoSites } from './demo-sites';
import { seedDemoContent, CONTENT_UIDS, type ContentSeedResult } from './demo-content';
import { seedDemoPlacements } from './demo-placements';
import { seedDemoFeeds } from './demo-tour';
import { DEMO_POLICIES, seedDemoEligibility } from './demo-policies';
import { seedEditorRole } from './editor-role';

export type Log = (message: string) => void;

/** The five shared content types the demo opens to anonymous readers (find and findOne). */
const PUBLIC_READ_ACTIONS = Object.values(CONTENT_UIDS).flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

const DEFAULT_ADMIN_EMAIL = 'admin@jiyue.example';

export interface SeedDemoResult {
  sites: { created: number; columnsCreated: number; total: number };
  content: ContentSeedResult;
  placements: { created: number };
  /** What the README tour needs: a feed channel per site, eligibility clauses on the 政策找人 set. */
  feeds: { created: number };
  eligibility: { created: number };
  /** Public-role permissions added by this run. */
  permissionsGranted: number;
  admin: { email: string | null; created: boolean; passwordGenerated: boolean };
}

/**
 * Lets the users-permissions Public role read the five content types, as a public portal needs.
 * Idempotent: only missing (action, role) pairs are added.
 */
export const grantPublicRead = async (strapi: Core.Strapi) => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, select: ['id'] });
  if (!role) throw new Error('users-permissions Public role not found: is the users-permissions plugin enabled?');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  let granted = 0;
  for (const action of PUBLIC_READ_ACTIONS) {
    if (await permissions.findOne({ where: { action, role: role.id }, select: ['id'] })) continue;
    await permissions.create({ data: { action, role: role.id } });
    granted += 1;
  }
  return granted;
};

/** Strapi's admin password rule: 8–72 characters with a lower-case letter, an upper-case letter and a digit. */
export const isAcceptableAdminPassword = (password: string) =>
  password.length >= 8 && Buffer.byteLength(password) <= 72 && /[a-z]/.test(password) && /[A-Z]/.test(password) && /\d/.test(password);

/** 24 random URL-safe characters, drawn again until the admin password rule holds. */
const generatePassword = () => {
  for (;;) {
    const candidate = crypto.randomBytes(18).toString('base64url');
    if (isAcceptableAdminPassword(candidate)) return candidate;
  }
};

const printCredentials = (log: Log, email: string, password: string) => {
  const lines = [
    'A Super Admin was created for the admin panel. This password is shown only once:',
    `  email:    ${email}`,
    `  password: ${password}`,
    'Change it after the first login (top-right menu → Profile), or set ADMIN_EMAIL/ADMIN_PASSWORD before seeding a new database.',
  ];
  const rule = '='.repeat(Math.max(...lines.map((l) => l.length)));
  for (const line of [rule, ...lines, rule]) log(line);
};

/**
 * Makes sure the admin panel can be entered: when no admin user exists, creates a Super Admin from
 * ADMIN_EMAIL/ADMIN_PASSWORD, generating (and printing once) a password when none is set. An
 * existing admin is never touched, so re-running the seed cannot reset anyone's password.
 */
export const ensureAdmin = async (strapi: Core.Strapi, log: Log): Promise<SeedDemoResult['admin']> => {
  if ((await strapi.db.query('admin::user').count()) > 0) return { email: null, created: false, passwordGenerated: false };

  const email = (process.env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  const given = process.env.ADMIN_PASSWORD || '';
  if (given && !isAcceptableAdminPassword(given)) {
    throw new Error('ADMIN_PASSWORD must be 8–72 characters with a lower-case letter, an upper-case letter and a digit');
  }
  const password = given || generatePassword();
  // The path of the admin panel's first registration: it re-checks inside a transaction that no
  // admin exists, so two seeders racing on one database cannot both create one.
  await strapi.service('admin::user').createFirstAdmin({ email, firstname: 'Jiyue', lastname: 'Admin', password });

  if (given) log(`Super Admin ${email} created with the password from ADMIN_PASSWORD.`);
  else printCredentials(log, email, password);
  return { email, created: true, passwordGenerated: !given };
};

/**
 * The whole demo: the Garzê "1+18+19" site tree with its columns, about 250 published items across
 * the five content types (some in Tibetan), a feed channel per site, 26 policies with eligibility
 * clauses (政策找人), public read access to the content, and a Super Admin.
 * Every step is idempotent, so running it on a seeded database adds nothing.
 */
export const seedDemo = async (strapi: Core.Strapi, { log = console.log }: { log?: Log } = {}): Promise<SeedDemoResult> => {
  const sites = await seedDemoSites(strapi);
  log(`Sites: ${sites.sitesCreated} created, ${sites.columnsCreated} columns created (${sites.sites.size} sites in the tree).`);

  // Demo content stands for items approved in the office's previous system: it is published through
  // review-workflow's trusted path, which records each publish and its reason in the audit trail.
  const trusted = <T>(fn: () => Promise<T>): Promise<T> => {
    const gate = strapi.plugin('review-workflow')?.service('publish-gate');
    return gate ? gate.withTrustedPublish('demo seed: content approved before Jiyue', fn) : fn();
  };
  const content = await trusted(() => seedDemoContent(strapi));
  const created = Object.values(content.created).reduce((a, b) => a + b, 0);
  const translated = Object.values(content.translated).reduce((a, b) => a + b, 0);
  log(
    `Content: ${created} of ${content.documents} documents created, ${translated} of ${content.tibetan} Tibetan versions added ` +
      `(${Object.entries(content.created).map(([type, n]) => `${type} ${n}`).join(', ')}).`
  );

  const placements = await trusted(() => seedDemoPlacements(strapi));
  log(`Placements: ${placements.created} created (each item in its site's column; prefecture policies pushed to every county).`);

  const feeds = await seedDemoFeeds(strapi);
  log(`Feeds: ${feeds.created} feed channels created (every site's 要闻动态 and 通知公告 as RSS 2.0 and JSON Feed).`);
  const { created: eligible } = await seedDemoEligibility(strapi);
  const eligibility = { created: eligible };
  log(`Eligibility: clauses given to ${eligible} of the ${DEMO_POLICIES.length} 政策找人 policies (demo-policies.ts).`);

  const permissionsGranted = await grantPublicRead(strapi);
  log(`Public role: ${permissionsGranted} read permissions granted.`);

  const editorRole = await seedEditorRole(strapi);
  log(`Editor role: ${editorRole.created ? 'created' : 'already there'} (Content Manager, Media Library and read-drafts limited to the editor's sites).`);

  const admin = await ensureAdmin(strapi, log);
  if (!admin.created) log('Admin: an admin user already exists; left unchanged.');

  return {
    sites: { created: sites.sitesCreated, columnsCreated: sites.columnsCreated, total: sites.sites.size },
    content,
    placements,
    feeds,
    eligibility,
    permissionsGranted,
    admin,
  };
};
