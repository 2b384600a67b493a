import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { applyGlossary, type GlossaryEntry } from '../utils/apply-glossary';
import { officialNames } from '../utils/official-names';
import { pluginConfig } from '../utils/plugin-config';
import { GLOSSARY_UID } from '../utils/uids';

/** Official Chinese–Tibetan terms. Admins curate them in the Content Manager ("Glossary 术语表"). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Adds the cluster's official names that are not in the glossary yet (matched on the Chinese
   * term and domain). Never changes an existing entry: a corrected term stays corrected.
   */
  async seedOfficialNames(): Promise<number> {
    const file = pluginConfig('glossarySeedFile');
    if (!file) return 0;
    const full = path.resolve(strapi.dirs.app.root, file);
    if (!fs.existsSync(full)) {
      strapi.log.warn(`bilingual: glossary seed file ${full} not found; glossary not seeded`);
      return 0;
    }
    const terms = officialNames(JSON.parse(fs.readFileSync(full, 'utf8')));
    let added = 0;
    await strapi.db.transaction(async () => {
      const existing = await strapi.db.query(GLOSSARY_UID).findMany({ where: { zh: { $in: terms.map((t) => t.zh) } }, select: ['zh', 'domain'] });
      const have = new Set((existing as { zh: string; domain: string }[]).map((e) => `${e.domain}:${e.zh}`));
      const missing = terms.filter((t) => !have.has(`${t.domain}:${t.zh}`));
      for (const term of missing) {
        await strapi.db.query(GLOSSARY_UID).create({ data: { ...term, approved: Boolean(term.bo) } });
        added += 1;
      }
    });
    return added;
  },

  async approvedTerms(): Promise<GlossaryEntry[]> {
    const rows = await strapi.db.query(GLOSSARY_UID).findMany({ where: { approved: true, bo: { $notNull: true } }, select: ['zh', 'bo'] });
    return (rows as GlossaryEntry[]).filter((r) => r.zh && r.bo);
  },

  async apply(text: string) {
    return applyGlossary(text, await this.approvedTerms());
  },
});
