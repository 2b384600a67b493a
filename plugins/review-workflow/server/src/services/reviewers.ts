import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ActorRecord as ReviewActor } from '@jiyue/kernel';
import type { ReviewStage } from '../utils/stages';
import { STAGE_NAMES_ZH } from '../utils/stages';
import { STAGE_CONFIG_UID } from '../utils/uids';
import type { StageConfigRow } from '../utils/rows';
import { optionalService } from '@jiyue/kernel';

/**
 * Who may act at a review stage. A stage config names roles or users for a site; a site without
 * its own config inherits its nearest ancestor's (then the cluster-wide one, siteCode null).
 * Without any config, any admin allowed to approve who may act for the item's site can.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const editorScope = () => optionalService(strapi, 'site-group', 'editor-scope');

  /** The owner site and its ancestors, nearest first (only the owner when site-group is absent). */
  const siteChain = async (ownerSite: string | null): Promise<string[]> => {
    if (!ownerSite) return [];
    const scope = editorScope();
    if (!scope) return [ownerSite];
    const tree = await scope.hierarchy();
    const site = tree.byCode.get(ownerSite);
    if (!site) return [ownerSite];
    return [site.id, ...tree.ancestors(site.id)].map((id: number) => tree.byId.get(id)!.code);
  };

  return {
    async configFor(stage: ReviewStage, ownerSite: string | null) {
      const chain = await siteChain(ownerSite);
      const rows: StageConfigRow[] = await strapi.db.query(STAGE_CONFIG_UID).findMany({ where: { stage, $or: [{ siteCode: { $in: chain.length ? chain : ['-'] } }, { siteCode: null }] } });
      for (const code of chain) {
        const row = rows.find((r) => r.siteCode === code);
        if (row) return row;
      }
      return rows.find((r) => r.siteCode === null) ?? null;
    },

    async mayAct(actor: ReviewActor, stage: ReviewStage, ownerSite: string | null): Promise<boolean> {
      if (actor.id === null) return false;
      const config = await this.configFor(stage, ownerSite);
      const roles: string[] = config?.roles ?? [];
      const users: number[] = config?.users ?? [];
      if (roles.length || users.length) return users.includes(actor.id) || actor.roles.some((r) => roles.includes(r));
      const scope = editorScope();
      if (!scope || !ownerSite) return true;
      return scope.canActFor(
        { kind: 'admin', user: { id: actor.id, roles: actor.roles.map((code) => ({ code })) } },
        ownerSite
      );
    },

    async assertMayAct(actor: ReviewActor, stage: ReviewStage, ownerSite: string | null) {
      if (!(await this.mayAct(actor, stage, ownerSite))) {
        throw new errors.PolicyError(`You are not a reviewer for ${STAGE_NAMES_ZH[stage]} (${stage}) of site "${ownerSite ?? '-'}"`);
      }
    },

    /** Sets who may act at a stage for a site (null: the whole cluster). */
    async configure({ siteCode, stage, roles, users, externalSignOff }: { siteCode: string | null; stage: ReviewStage; roles?: string[]; users?: number[]; externalSignOff?: boolean }) {
      const existing = await strapi.db.query(STAGE_CONFIG_UID).findOne({ where: { siteCode, stage } });
      const data = { siteCode, stage, roles: roles ?? [], users: users ?? [], externalSignOff: externalSignOff ?? false };
      return existing
        ? strapi.db.query(STAGE_CONFIG_UID).update({ where: { id: existing.id }, data })
        : strapi.db.query(STAGE_CONFIG_UID).create({ data });
    },
  };
};
