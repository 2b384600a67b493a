import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { profileColumns, profileTagRows } from '../utils/profile-columns';
import { PROFILE_TAG_UID, PROFILE_UID } from '../utils/uids';

const CONSENT_TEXT = '本人同意将以上信息用于政策匹配与推送，可随时撤回（撤回即删除）。';

/** A stored profile row (the columns answered). */
interface ProfileRow {
  kind: 'individual' | 'enterprise';
  facts: Record<string, unknown> | null;
  subscribed: boolean | null;
  consentAt: string | Date;
  consentText: string;
  updatedAt: string | Date;
}

const present = (row: ProfileRow | null) =>
  row && { kind: row.kind, facts: row.facts ?? {}, subscribed: row.subscribed !== false, consentAt: row.consentAt, consentText: row.consentText, updatedAt: row.updatedAt };

/**
 * Stored profiles. Every method takes the owner's user id from the authenticated request: there is
 * no way to name another user's profile, so none can be read through the content API.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  consentText: CONSENT_TEXT,

  async getOwn(userId: number) {
    const row = await strapi.db.query(PROFILE_UID).findOne({ where: { userId } });
    return row ? present(row) : null;
  },

  async saveOwn(userId: number, input: { kind: 'individual' | 'enterprise'; facts: Record<string, unknown>; subscribed: boolean }) {
    const facts = Object.fromEntries(Object.entries(input.facts).filter(([, v]) => v !== null && v !== undefined));
    const data = {
      userId, kind: input.kind, facts, subscribed: input.subscribed, consentAt: new Date(), consentText: CONSENT_TEXT,
      ...profileColumns(input.kind, facts),
    };
    return strapi.db.transaction(async () => {
      const existing = await strapi.db.query(PROFILE_UID).findOne({ where: { userId }, select: ['id'] });
      const row = existing
        ? await strapi.db.query(PROFILE_UID).update({ where: { id: existing.id }, data })
        : await strapi.db.query(PROFILE_UID).create({ data });
      await strapi.db.query(PROFILE_TAG_UID).deleteMany({ where: { profileId: row.id } });
      const tags = profileTagRows(facts);
      if (tags.length) await strapi.db.query(PROFILE_TAG_UID).createMany({ data: tags.map((tag) => ({ profileId: row.id, tag })) });
      return present(row);
    });
  },

  /** Withdrawing consent deletes the profile and its tag rows. */
  async deleteOwn(userId: number) {
    return strapi.db.transaction(async () => {
      const existing = await strapi.db.query(PROFILE_UID).findOne({ where: { userId }, select: ['id'] });
      if (!existing) throw new errors.NotFoundError('you have no stored profile');
      await strapi.db.query(PROFILE_TAG_UID).deleteMany({ where: { profileId: existing.id } });
      await strapi.db.query(PROFILE_UID).delete({ where: { id: existing.id } });
      return { deleted: true };
    });
  },
});
