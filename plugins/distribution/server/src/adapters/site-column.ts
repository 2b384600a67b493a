import { DeliveryError } from '../utils/delivery-error';
import { SYSTEM_ACTOR } from '@jiyue/kernel';
import type { Adapter } from './types';
import { optionalPlugin } from '@jiyue/kernel';
import { thrown } from '../utils/thrown';

/**
 * Places the item into a site column through site-group's services (never its tables). Placing is
 * idempotent: an item already in the column counts as delivered. A reference placement always shows
 * the current published version, so an update has nothing to send.
 */
export const siteColumn: Adapter = {
  needsChannel: false,
  async deliver({ strapi, delivery }) {
    const siteGroup = optionalPlugin(strapi, 'site-group');
    if (!siteGroup) throw new DeliveryError('site-group is not enabled', { permanent: true });
    const { column, mode } = delivery.payload.route ?? {};
    const where = await siteGroup.service('site-content').itemPlacements(delivery.itemDocumentId!);
    const here = where.filter((p) => p.site === delivery.site && p.column === column);
    if (delivery.operation === 'delete') {
      for (const p of here) await siteGroup.service('placement-flow').withdraw(p.placementId, SYSTEM_ACTOR);
      return { withdrawn: here.length };
    }
    if (here.length) return { placed: false, already: true, mode: here[0].mode };
    try {
      const placement = await siteGroup.service('placement-flow').place(
        { contentType: delivery.contentType!, documentId: delivery.itemDocumentId!, site: delivery.site!, column: column!, mode: mode ?? 'reference' },
        SYSTEM_ACTOR
      );
      return { placed: true, placementId: placement?.id ?? null, state: placement?.state ?? null };
    } catch (error) {
      // "already placed" (pending or active) is the outcome we want; anything else is refused for good.
      const e = thrown(error);
      if (/already placed/.test(e.message ?? '')) return { placed: false, already: true };
      throw new DeliveryError(e.message ?? String(error), { permanent: e.name === 'ValidationError' || e.name === 'NotFoundError' });
    }
  },
};
