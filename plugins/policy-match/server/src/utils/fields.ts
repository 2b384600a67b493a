import type { ProfileKind } from '@jiyue/kernel/contracts';

/**
 * The vocabulary of facts and rules. The facts themselves are data (the `fact` content type, seeded
 * from `data/starter-facts.ts`); `utils/registry.ts` is their view (`FactDef`, `Registry`, the
 * operators by type, `Op`). This module keeps the plain types every util shares.
 */
export type FactType = 'integer' | 'number' | 'date' | 'year' | 'boolean' | 'enum' | 'region' | 'industry' | 'tag-list';
/** A profile's kind: who a policy serves and whom a fact describes (a fact may also serve both). */
export type Audience = ProfileKind;

/** GB/T 4754 industry: a section letter, optionally with 2–4 digits (C, C13, C1311). */
export const INDUSTRY_CODE = /^[A-T](\d{2,4})?$/;
