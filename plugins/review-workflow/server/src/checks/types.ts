/**
 * Shared shapes of the machine pre-checks (机器预审). Every checker returns `Finding`s; the review
 * routes store them with the review event and show them to the editor and the reviewers.
 */

export type Severity = 'error' | 'warning' | 'info';

export type CheckKind = 'word' | 'personal-data' | 'link' | 'interpretation';

/**
 * One thing a checker found in one field.
 *
 * Offset model: `offset` and `length` are in UTF-16 code units (JavaScript string indices) of the
 * field value *as stored* (the raw markdown/HTML string the editor saved), so
 * `raw.slice(offset, offset + length)` is exactly the flagged text and a UI or a one-click
 * replacement can act on the stored value without re-deriving anything. Dictionary words are
 * matched over a plain-text view of the field (markup removed, see the kernel's text/plain-text.ts) and mapped back;
 * when markup sits inside a flagged word (`部<b>暑</b>`) the raw range includes that markup.
 *
 * `excerpt` is display text: about 20 characters either side of the match, never cutting a
 * surrogate pair or a Tibetan syllable, with personal data in it masked.
 *
 * `suggestion`, when present, is the replacement for the raw range: the correction of a typo, the
 * current name for an outdated one, the masked form (脱敏) of personal data.
 */
export interface Finding {
  check: CheckKind;
  /** Which rule of the check fired: 'dictionary', 'resident-id', 'mobile', 'bank-card', 'credit-code', 'external-link', 'malformed-link'. */
  rule: string;
  /** The field name as passed to the checker (e.g. 'title', 'body'). */
  field: string;
  offset: number;
  length: number;
  excerpt: string;
  severity: Severity;
  /** Human-readable, in Chinese (the editors' language). */
  message: string;
  suggestion?: string;
  /** Dictionary category for word findings; 'external' for external links. */
  category?: string;
}

export type DictionaryCategory = 'sensitive' | 'political' | 'typo' | 'outdated-name';

/** One entry of the managed wrong/sensitive-word dictionary (错敏词库). */
export interface DictionaryEntry {
  /** The text to find. Latin letters match case-insensitively; Tibetan and Latin terms only match whole syllables/words. */
  term: string;
  category: DictionaryCategory;
  severity: Severity;
  /** What should be written instead (typo → correct word, outdated name → current name). */
  correction?: string;
  note?: string;
  /**
   * Longer texts containing `term` that are correct usage and must not be flagged, e.g. 文化部门
   * ("cultural departments") for the outdated name 文化部, or 原国土资源部 (a historical reference).
   * A match of `term` lying inside a match of one of these is dropped.
   */
  exceptions?: string[];
  /** An entry switched off in the managed dictionary (false) is left out of the matcher. */
  enabled?: boolean;
}
