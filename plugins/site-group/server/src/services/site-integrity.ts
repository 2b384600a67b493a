import type { Core } from '@strapi/strapi';
import { fieldProblem, throwFieldErrors } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { relationTarget, type RelationTarget } from '../utils/relation-target';
import { COLUMN_UID, SITE_UID } from '../utils/uids';
import { validateDomains } from '../validation/domains';
import { validateTranslations } from '../validation/translations';

type SiteData = Record<string, unknown>;

/**
 * Write-side rules for sites that Strapi's schema cannot express: the tree stays a tree, text is
 * NFC, translations name real locales, and a site with children or columns is archived, not deleted.
 * Called by the document middleware before anything is written, so a refused write changes nothing.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findRef(target: RelationTarget): Promise<{ id: number; documentId: string } | null> {
    if (target.change !== 'set') return null;
    const where = target.documentId ? { documentId: target.documentId } : { id: target.id };
    return strapi.db.query(SITE_UID).findOne({ where, select: ['id', 'documentId'] });
  },

  async normalise(data: SiteData) {
    if (typeof data.name === 'string') data.name = data.name.trim().normalize('NFC');
    if (typeof data.sponsor === 'string') data.sponsor = data.sponsor.trim().normalize('NFC');
    if ('domains' in data) data.domains = validateDomains(data.domains);
    if ('translations' in data) {
      const locale = getService('locale');
      data.translations = validateTranslations(data.translations, {
        locales: await locale.codes(),
        primaryLocale: locale.primary(),
        fields: ['name', 'sponsor'],
      });
    }
  },

  async beforeCreate(data: SiteData) {
    await this.normalise(data);
    const target = relationTarget(data.parent);
    if (target.change === 'set' && !(await this.findRef(target))) {
      throwFieldErrors([fieldProblem(['parent'], 'parent site not found', data.parent)]);
    }
  },

  async beforeUpdate(documentId: string, data: SiteData) {
    await this.normalise(data);
    const target = relationTarget(data.parent);
    if (target.change !== 'set') return;

    const parent = await this.findRef(target);
    if (!parent) throwFieldErrors([fieldProblem(['parent'], 'parent site not found', data.parent)]);
    if (parent!.documentId === documentId) {
      throwFieldErrors([fieldProblem(['parent'], 'a site cannot be its own parent', data.parent)]);
    }
    const ancestors = await getService('site-tree').ancestors(parent!.id);
    if (ancestors.some((a) => a.documentId === documentId)) {
      throwFieldErrors([fieldProblem(['parent'], 'a site cannot be moved under one of its own descendants', data.parent)]);
    }
  },

  async beforeDelete(documentId: string) {
    const site = await strapi.db.query(SITE_UID).findOne({ where: { documentId }, select: ['id', 'code'] });
    if (!site) return;
    const [children, columns] = await Promise.all([
      strapi.db.query(SITE_UID).count({ where: { parent: { id: site.id } } }),
      strapi.db.query(COLUMN_UID).count({ where: { site: { id: site.id } } }),
    ]);
    if (children || columns) {
      throwFieldErrors([
        fieldProblem(
          ['documentId'],
          `site "${site.code}" still has ${children} child site(s) and ${columns} column(s): move or delete them first, or set its state to archived`,
          documentId
        ),
      ]);
    }
  },
});
