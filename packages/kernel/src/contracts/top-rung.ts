/**
 * policy-match and bilingual sit on the top rung: no plugin of the suite calls them, so they publish
 * no service contract. They talk to the plugins below through those plugins' services and hooks.
 */
export type PolicyMatchServices = Record<never, never>;
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
