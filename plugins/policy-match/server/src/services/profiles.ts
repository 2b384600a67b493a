import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { backfillSql, factRows } from '../utils/profile-facts-sql';
import { DEFAULT_JURISDICTION_FACTS } from '../utils/evaluate-policy';
import type { RawBindings } from '../utils/knex';
import type { Registry } from '../utils/registry';
import { PROFILE_FACT_UID, PROFILE_TAG_UID, PROFILE_UID, TAG_UID } from '../utils/uids';

const CONSENT_TEXT = '本人同意将以上信息用于政策匹配与推送，可随时撤回（撤回即删除）。';

/** Bumped when the rows a profile's facts give change shape: bootstrap refills every profile's rows once. */
const PROFILE_FACTS_LAYOUT = 'v1';

type Kind = 'individual' | 'enterprise';

/** A stored profile row (the columns answered). */
interface ProfileRow {
  id: number;
  kind: Kind;
  facts: Record<string, unknown> | null;
  subscribed: boolean | null;
  consentAt: string | Date;
  consentText: string;
  sensitiveConsents: Record<string, string> | null;
  updatedAt: string | Date;
}

const present = (row: ProfileRow) => ({
  kind: row.kind, facts: row.facts ?? {}, subscribed: row.subscribed !== false, consentAt: row.consentAt, consentText: row.consentText,
  consents: row.sensitiveConsents ?? {}, updatedAt: row.updatedAt,
});

/**
 * Stored profiles. Every method takes the owner's user id from the authenticated request: there is
 * no way to name another user's profile, so none can be read through the content API. A profile's
 * typed fact rows (the reverse match's index) are replaced in the same transaction as the profile.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  consentText: CONSENT_TEXT,

  async getOwn(userId: number) {
    const row = (await strapi.db.query(PROFILE_UID).findOne({ where: { userId } })) as ProfileRow | null;
    return row ? present(row) : null;
  },

  /**
   * `consents`: the sensitive facts and tags consented to (validated: each sensitive value sent has
   * its key). A consent keeps the time it was first given; a key left out is withdrawn, and the
   * value it covered is not stored (the body cannot carry it without the key).
   */
  async saveOwn(userId: number, input: { kind: Kind; facts: Record<string, unknown>; subscribed: boolean; consents?: Record<string, true> }, registry?: Registry) {
    const reg = registry ?? (await getService('catalogue').registry());
    const facts = Object.fromEntries(Object.entries(input.facts).filter(([, v]) => v !== null && v !== undefined));
    return strapi.db.transaction(async () => {
      const existing = (await strapi.db.query(PROFILE_UID).findOne({ where: { userId }, select: ['id', 'sensitiveConsents'] })) as Pick<ProfileRow, 'id' | 'sensitiveConsents'> | null;
      const before = existing?.sensitiveConsents ?? {};
      const now = new Date().toISOString();
      const sensitiveConsents = Object.fromEntries(Object.keys(input.consents ?? {}).sort().map((key) => [key, before[key] ?? now]));
      const home = facts[DEFAULT_JURISDICTION_FACTS[input.kind]];
      const data = {
        userId, kind: input.kind, facts, subscribed: input.subscribed, consentAt: new Date(), consentText: CONSENT_TEXT, sensitiveConsents,
        regionCode: typeof home === 'string' ? home : null,
        birthDate: input.kind === 'individual' && typeof facts.birthDate === 'string' ? facts.birthDate : null,
      };
      const row = (existing
        ? await strapi.db.query(PROFILE_UID).update({ where: { id: existing.id }, data })
        : await strapi.db.query(PROFILE_UID).create({ data })) as ProfileRow;
      await this.replaceFactRows(row.id, facts, reg);
      return present(row);
    });
  },

  /** A profile's fact rows rewritten from its facts (call inside the profile's transaction). */
  async replaceFactRows(profileId: number, facts: Record<string, unknown>, registry: Registry) {
    await strapi.db.query(PROFILE_FACT_UID).deleteMany({ where: { profileId } });
    // the deprecated tag rows of an upgraded install go with the first write
    await strapi.db.query(PROFILE_TAG_UID).deleteMany({ where: { profileId } });
    const rows = factRows(registry, facts);
    if (rows.length) await strapi.db.query(PROFILE_FACT_UID).createMany({ data: rows.map((r) => ({ profileId, ...r })) });
  },

  /** Codes of the tags marked sensitive (低保对象, 残疾人 …): stored only with their own consent. */
  async sensitiveTags(): Promise<ReadonlySet<string>> {
    const rows = (await strapi.db.query(TAG_UID).findMany({ where: { sensitive: true }, select: ['code'] })) as { code: string }[];
    return new Set(rows.map((r) => r.code));
  },

  /** Withdrawing consent deletes the profile and its fact rows. */
  async deleteOwn(userId: number) {
    return strapi.db.transaction(async () => {
      const existing = await strapi.db.query(PROFILE_UID).findOne({ where: { userId }, select: ['id'] });
      if (!existing) throw new errors.NotFoundError('you have no stored profile');
      await strapi.db.query(PROFILE_FACT_UID).deleteMany({ where: { profileId: existing.id } });
      await strapi.db.query(PROFILE_TAG_UID).deleteMany({ where: { profileId: existing.id } });
      await strapi.db.query(PROFILE_UID).delete({ where: { id: existing.id } });
      return { deleted: true };
    });
  },

  /**
   * Writes every profile's fact rows from its facts JSON in one statement (PostgreSQL `jsonb_each`,
   * SQLite `json_each`), once per layout: the upgrade from the column storage, run at bootstrap.
   * On PostgreSQL an advisory lock held by the transaction makes one instance do it.
   */
  async backfillFacts({ force = false }: { force?: boolean } = {}) {
    const store = strapi.store({ type: 'plugin', name: 'policy-match', key: 'profileFactsRevision' });
    if (!force && (await store.get()) === PROFILE_FACTS_LAYOUT) return { backfilled: false };
    const registry = await getService('catalogue').registry();
    const postgres = strapi.db.dialect.client === 'postgres';
    const schema = strapi.db.getSchemaName?.();
    const q = (name: string) => (schema ? `"${schema}"."${name}"` : `"${name}"`);
    const profiles = q(strapi.db.metadata.get(PROFILE_UID).tableName);
    const factsTable = q(strapi.db.metadata.get(PROFILE_FACT_UID).tableName);
    const { sql, bindings } = backfillSql(registry, { profiles, facts: factsTable, postgres });
    let done = false;
    await strapi.db.transaction(async ({ trx }) => {
      const run = (s: string, b: unknown[] = []) => trx.raw(s, b as RawBindings);
      if (postgres) await run('SELECT pg_advisory_xact_lock(hashtext(?))', ['jiyue_pm_profile_facts_backfill']);
      if (!force && (await store.get()) === PROFILE_FACTS_LAYOUT) return;
      await run(`DELETE FROM ${factsTable}`);
      await run(sql, bindings);
      done = true;
    });
    if (done) await store.set({ value: PROFILE_FACTS_LAYOUT });
    return { backfilled: done };
  },
});
