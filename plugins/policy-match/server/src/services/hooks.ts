import type { Core } from '@strapi/strapi';
import type { LabelSource, PolicyMatchHooksService } from '@jiyue/kernel';

/**
 * policy-match's registration points (kernel contract `PolicyMatchHooksService`). bilingual, one rung
 * up, registers its approved glossary as the source of Tibetan fact labels: policy-match may not call
 * bilingual, so bilingual hands it a function. Without a source every Tibetan label stays "待译".
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sources: LabelSource[] = [];
  let onRegister: (() => void) | null = null;

  const hooks = {
    registerLabelSource(source: LabelSource) {
      sources.push(source);
      onRegister?.();
    },

    /** Called once the registry is seeded: runs now if a source is there, and again for each source registered later. */
    whenLabelSourceRegistered(listener: () => void) {
      onRegister = listener;
      if (sources.length) listener();
    },

    /** Approved Tibetan terms for these zh labels (zh → bo), from every registered source. */
    async approvedLabels(zh: readonly string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      const wanted = [...new Set(zh.filter(Boolean))];
      if (!wanted.length) return out;
      for (const source of sources) {
        try {
          for (const [k, v] of await source(wanted)) if (!out.has(k) && v) out.set(k, v.normalize('NFC'));
        } catch (e) {
          strapi.log.warn(`policy-match: a label source failed (${(e as Error).message}); those labels stay untranslated`);
        }
      }
      return out;
    },
  };
  return hooks satisfies PolicyMatchHooksService;
};
