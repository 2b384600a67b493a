/** The rows of find and replace's own tables as the Query Engine returns them (it types rows as untyped). */
import type { TextMatch } from './field-matches';

export type ReplacementStatus = 'previewed' | 'applying' | 'applied' | 'rolling-back' | 'rolled-back';
export type ChangeState = 'pending' | 'applied' | 'skipped' | 'failed' | 'rolled-back' | 'rollback-skipped' | 'rollback-failed';

export interface ReplacementRow {
  id: number;
  find: string;
  replace: string | null;
  regex: boolean;
  scopeSite: string;
  includeDescendants: boolean | null;
  scopeSites: string[] | null;
  contentTypes: string[] | null;
  locales: string[] | null;
  status: ReplacementStatus;
  itemCount: number | null;
  matchCount: number | null;
  excluded: unknown[] | null;
  previewedById: number | null;
  previewedByName: string | null;
  appliedAt: Date | string | null;
  appliedById: number | null;
  appliedByName: string | null;
  applyResult: Record<string, unknown> | null;
  rolledBackAt: Date | string | null;
  rolledBackById: number | null;
  rolledBackByName: string | null;
  rollbackResult: Record<string, unknown> | null;
  createdAt?: Date | string;
}

/** One stored match of a change (see `storedMatch`): the match and the field it is in. */
export type StoredMatch = TextMatch & { field: string | number };

export interface ReplacementChangeRow {
  id: number;
  replacementId: number;
  contentType: string;
  itemDocumentId: string;
  itemLocale: string | null;
  title: string | null;
  ownerSite: string | null;
  placedIn: string[] | null;
  matches: StoredMatch[] | null;
  matchCount: number | null;
  fields: string[] | null;
  previewHash: string | null;
  previewUpdatedAt: string | null;
  published: boolean | null;
  state: ChangeState;
  reason: string | null;
  beforeValues: Record<string, unknown> | null;
  afterValues: Record<string, unknown> | null;
  republished: boolean | null;
  appliedHash: string | null;
  appliedUpdatedAt: string | null;
}
