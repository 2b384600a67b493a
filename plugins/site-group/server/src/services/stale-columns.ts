import type { Core } from '@strapi/strapi';
import type { ColumnRule } from '../validation/column-rule';
import { getService } from '../utils/get-service';
import { isArchived } from '../utils/column-archive';
import { localizedName } from '../utils/localized-name';
import { COLUMN_UID, PLACEMENT_UID } from '../utils/uids';

const DAY = 24 * 60 * 60 * 1000;

export interface StaleColumn {
  site: string;
  siteName: string;
  column: string;
  columnName: string;
  kind: string;
  lastPublishedAt: string | null;
  /** null: nothing was ever published in the column. */
  daysSinceLastPublished: number | null;
  thresholdDays: number;
}

/**
 * Columns with no newly published item for too long (栏目长期不更新), an inspection fault (seed
 * 002). The threshold is the request's `days`, else the column's own update cycle, else the
 * configured default for its kind. Single pages and links are never stale; archived topics neither.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async lastPublished(column: { id: number; fill: string; rule: ColumnRule }): Promise<string | null> {
    if (column.fill === 'rule') {
      const { entries } = await getService('smart-column').items(column.rule, { page: 1, pageSize: 1 });
      return entries[0]?.date ?? null;
    }
    const latest = await strapi.db.query(PLACEMENT_UID).findOne({
      where: { columnId: column.id, state: 'active', itemPublished: true },
      select: ['sitePublishedAt'],
      orderBy: { sitePublishedAt: 'desc' },
    });
    return latest?.sitePublishedAt ?? null;
  },

  async report({ days, siteIds, now = new Date() }: { days?: number; siteIds?: number[] | null; now?: Date }) {
    const defaults = strapi.plugin('site-group').config('staleColumnDays') as Record<string, number>;
    const columns = await strapi.db.query(COLUMN_UID).findMany({
      where: { kind: { $in: Object.keys(defaults) }, ...(siteIds ? { site: { id: { $in: siteIds } } } : {}) },
      select: ['id', 'slug', 'name', 'translations', 'kind', 'fill', 'rule', 'expiresAt', 'updateCycleDays'],
      populate: { site: { select: ['id', 'code', 'name'] } },
    });
    const primary = getService('locale').primary();
    const stale: StaleColumn[] = [];
    for (const column of columns) {
      if (isArchived(column, now) || !column.site) continue;
      const threshold = days ?? column.updateCycleDays ?? defaults[column.kind];
      const last = await this.lastPublished(column);
      const idle = last ? Math.floor((now.getTime() - new Date(last).getTime()) / DAY) : null;
      if (idle !== null && idle < threshold) continue;
      stale.push({
        site: column.site.code,
        siteName: column.site.name,
        column: column.slug,
        columnName: localizedName(column, primary, primary).name,
        kind: column.kind,
        lastPublishedAt: last,
        daysSinceLastPublished: idle,
        thresholdDays: threshold,
      });
    }
    // Never-updated columns first, then the longest idle.
    return stale.sort((a, b) => (b.daysSinceLastPublished ?? Infinity) - (a.daysSinceLastPublished ?? Infinity));
  },
});
