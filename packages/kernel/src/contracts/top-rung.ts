/**
 * policy-match and bilingual sit on the top rung. Nothing calls bilingual, so it publishes no service
 * contract. policy-match publishes one registration point for bilingual, one rung above it: the
 * source of approved Tibetan labels for its fact registry (policy-match may not call bilingual).
 */

/**
 * Approved Tibetan terms for Chinese labels: given zh labels, the map holds those the glossary
 * approves (zh → bo); a label without an approved term is absent from the map.
 */
export type LabelSource = (zh: readonly string[]) => Promise<Map<string, string>>;

/** policy-match's registration points (bilingual registers its glossary as the label source at bootstrap). */
export interface PolicyMatchHooksService {
  registerLabelSource(source: LabelSource): void;
}

export interface PolicyMatchServices {
  hooks: PolicyMatchHooksService;
}
export type BilingualServices = Record<never, never>;

/** One translatable field of a localized type as bilingual's side-by-side view shows it. */
export interface TranslationField {
  name: string;
  type: string;
}

/**
 * `GET|PUT /bilingual/documents/:uid/:documentId/translation`: one translation of one document side
 * by side with its source (the source and target drafts' translatable fields). Declared once for
 * bilingual's server and its admin (which imports it type-only from `@jiyue/kernel/contracts`).
 */
export interface TranslationView {
  uid: string;
  documentId: string;
  sourceLocale: string;
  locale: string;
  fields: TranslationField[];
  /** The source draft's translatable fields (read-only in the side-by-side view). */
  source: Record<string, string | null>;
  /** The target draft's translatable fields; null when the document has no version in `locale` yet. */
  target: Record<string, string | null> | null;
}
