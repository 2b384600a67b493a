/**
 * Government-information disclosure (政务公开) on every public surface: one rule, written once.
 *
 * A policy carries `disclosure`:
 *   - `proactive`  (主动公开)  → shown in full;
 *   - `on-request` (依申请公开) → only its catalogue entry: title, 索引号, 发文字号, 发文机关, 成文日期 and
 *                                the disclosure value itself; never its body nor its attachments;
 *   - `not-public` (不予公开)  → never leaves the admin: not listed, not counted, not delivered, not indexed.
 *
 * An item without a `disclosure` field (articles, FAQs, …) is public in full. An unknown value is
 * treated as not public (fail closed). Every public surface (REST including `populate`, site routes,
 * smart columns, feeds, webhooks, WeChat/Weibo, search, knowledge cards, policy matching) asks
 * `publicView(item)` and emits `catalogueEntry(item)` for a catalogue-only item.
 */
export type Disclosure = 'proactive' | 'on-request' | 'not-public';
export type PublicView = 'hidden' | 'catalogue' | 'full';

export const DISCLOSURE_FIELD = 'disclosure';

/** The fields of a catalogue entry (公开目录条目), in the order a catalogue shows them. */
export const CATALOGUE_FIELDS = ['title', 'indexNumber', 'documentNumber', 'issuingAuthority', 'writtenDate', 'disclosure'] as const;

/** Identity fields a catalogue entry keeps so that it can be linked and paged (never content). */
export const IDENTITY_FIELDS = ['id', 'documentId', 'locale', 'publishedAt'] as const;

const VIEWS: Record<Disclosure, PublicView> = { proactive: 'full', 'on-request': 'catalogue', 'not-public': 'hidden' };

/** How an item may appear publicly. Items with no disclosure field are public in full. */
export const publicView = (item: { disclosure?: unknown } | null | undefined): PublicView => {
  if (!item || typeof item !== 'object' || !(DISCLOSURE_FIELD in item)) return 'full';
  const value = item.disclosure;
  if (value === null || value === undefined) return 'full';
  return VIEWS[value as Disclosure] ?? 'hidden';
};

/** Disclosure values that are visible publicly at all (for database filters: `{ disclosure: { $in } }`). */
export const VISIBLE_DISCLOSURES: readonly Disclosure[] = ['proactive', 'on-request'];

/** Whether an item may appear publicly at all. */
export const isPubliclyVisible = (item: { disclosure?: unknown } | null | undefined): boolean => publicView(item) !== 'hidden';

/**
 * The catalogue entry of an item: identity plus catalogue fields, nothing else (no body, summary,
 * attachments, relations). `extra` keeps named fields of the caller's own (e.g. a site path).
 */
export const catalogueEntry = <T extends Record<string, unknown>>(item: T, extra: readonly string[] = []): Partial<T> => {
  const out: Record<string, unknown> = {};
  for (const key of [...IDENTITY_FIELDS, ...CATALOGUE_FIELDS, ...extra]) {
    if (key in item) out[key] = item[key];
  }
  return out as Partial<T>;
};

/**
 * What a public surface may emit for an item: `null` when hidden, its catalogue entry when
 * catalogue-only, the item itself otherwise.
 */
export const publicProjection = <T extends Record<string, unknown>>(item: T, extra: readonly string[] = []): Partial<T> | null => {
  const view = publicView(item);
  if (view === 'hidden') return null;
  return view === 'catalogue' ? catalogueEntry(item, extra) : item;
};

/** Whether a field of an item may be emitted publicly (text indexes pick their fields with this). */
export const isCatalogueField = (field: string): boolean => (CATALOGUE_FIELDS as readonly string[]).includes(field);
