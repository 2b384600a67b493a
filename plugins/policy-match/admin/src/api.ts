import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { PolicyClause, PolicyRule, ProfileKind, TagUsage, TaxonomyTag } from '@jiyue/kernel/contracts';
import { PLUGIN_ID, getTranslation } from './constants';

/** Tibetan text in inputs and lists: the web font injected by `@jiyue/admin-ui` (Noto Serif Tibetan). */
export { TIBETAN_FONT_FAMILY } from '@jiyue/admin-ui';

export type Audience = ProfileKind;
export type FactType = 'integer' | 'number' | 'date' | 'year' | 'boolean' | 'enum' | 'region' | 'industry' | 'tag-list';

export interface EnumValue {
  code: string;
  zh: string;
  bo: string | null;
}

/** A fact of the registry as `GET /policy-match/facts` sends it. */
export interface Fact {
  code: string;
  audience: Audience | 'both';
  type: FactType;
  labelZh: string;
  labelBo: string | null;
  labelBoStatus?: 'approved' | 'missing';
  helpZh?: string | null;
  unit?: string | null;
  min?: number | null;
  max?: number | null;
  values?: EnumValue[] | null;
  ordered?: boolean;
  tagDimension?: string | null;
  derived?: { formula: 'ratio' | 'difference' | 'yearsSince'; args: string[]; scale?: number; whenZero?: number | 'unknown' } | null;
  askable?: boolean;
  storable?: boolean;
  sensitive?: boolean;
  group?: string;
  sortOrder?: number;
  builtIn?: boolean;
  /** The operators a rule may use on it (the server's registry decides; see `opsOf`). */
  ops?: string[];
  /** How many rules use it, when the server counts them. */
  uses?: number;
}

export type Tag = TaxonomyTag;

export type { TagUsage };

export type Rule = PolicyRule;
export type Clause = PolicyClause;

export interface Eligibility {
  audience: Audience | 'any';
  tags: string[];
  jurisdiction: string | null;
  jurisdictionFacts?: Partial<Record<Audience, string>> | null;
  applicationDeadline: string | null;
  clauses: Clause[];
}

export type MatchStatus = 'eligible' | 'possibly-eligible' | 'ineligible';

export interface Explanation {
  field: string;
  result: boolean | null;
  zh: string;
  bo?: string;
}

export interface TryResult {
  status: MatchStatus;
  reasons: string[];
  draft: boolean;
  asOf: string;
  jurisdiction: Explanation | null;
  clauses: { index: number; text: string; textBo: string | null; benefit: string; status: MatchStatus; explanations: Explanation[]; missing: string[] }[];
  missing: string[];
  missingFacts: { field: string; label: string; labelBo?: string | null; settles: number }[];
}

/** One field error of a 400 (`details.errors[]`), its path joined with dots (`clauses.1.rule.all.0.value`). */
export interface ServerError {
  path: string;
  message: string;
}

/** The server's error message from a useFetchClient failure (Strapi's `{ error: { message } }`). */
export const errorMessage = (e: unknown): string => {
  const response = (e as { response?: { data?: { error?: { message?: string } } } })?.response;
  return response?.data?.error?.message ?? (e instanceof Error ? e.message : String(e));
};

/** The HTTP status of a useFetchClient failure (Strapi's FetchError carries it as `status`). */
export const errorStatus = (e: unknown): number | undefined => {
  const error = e as { status?: number; response?: { status?: number; data?: { error?: { status?: number } } } } | null;
  return error?.status ?? error?.response?.status ?? error?.response?.data?.error?.status;
};

/** The details of a 400 or 409 (`error.details`). */
export const errorDetails = <T = Record<string, unknown>>(e: unknown): T | undefined =>
  (e as { response?: { data?: { error?: { details?: T } } } })?.response?.data?.error?.details;

/** The field errors of a 400, paths joined with dots; `strip` removes a leading part (`eligibility` of the try route). */
export const serverErrors = (e: unknown, strip?: string): ServerError[] => {
  const list = errorDetails<{ errors?: { path?: (string | number)[]; message?: string }[] }>(e)?.errors ?? [];
  return list.map((item) => {
    const parts = (item.path ?? []).map(String);
    if (strip && parts[0] === strip) parts.shift();
    return { path: parts.join('.'), message: item.message ?? '' };
  });
};

/**
 * The operators of a fact. The server sends them with each fact (its registry decides); a list without
 * them falls back to the registry's table by type so the form still offers the right ones.
 */
export const opsOf = (fact: Fact): string[] => {
  if (fact.ops?.length) return fact.ops;
  const ordered = ['eq', 'in', 'gte', 'lte', 'gt', 'lt', 'between', 'exists'];
  switch (fact.type) {
    case 'integer':
    case 'number':
    case 'year':
      return ordered;
    case 'date':
      return ['eq', 'gte', 'lte', 'between', 'before', 'after', 'exists'];
    case 'boolean':
      return ['eq', 'exists'];
    case 'enum':
      return fact.ordered ? ordered : ['eq', 'in', 'exists'];
    default:
      return ['eq', 'in', 'exists'];
  }
};

/** Whether a fact describes profiles of this kind. */
export const serves = (fact: Pick<Fact, 'audience'>, kind: Audience) => fact.audience === 'both' || fact.audience === kind;

/** The translator for this plugin's messages (`policy-match.<id>`). */
export const useT = () => {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (id: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage }, values),
    [formatMessage],
  );
};

/** A GET of this plugin's admin API, reloadable; `enabled: false` waits (permissions loading). */
export const useGet = <T>(path: string | null, enabled = true) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => {
    if (!path || !enabled) return undefined;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    get<{ data: T }>(`/${PLUGIN_ID}${path}`).then(
      (res) => live && setState({ data: res.data.data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [get, path, enabled, tick]);
  const reload = React.useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
};

/** A fact as the public vocabulary route sends it: today's `name` and value map, or the registry's `code` and value list. */
type WireFact = Omit<Fact, 'code' | 'values'> & { code?: string; name?: string; values?: EnumValue[] | Record<string, { zh: string; bo?: string | null }> | null };

const normaliseFact = (f: WireFact): Fact => ({
  ...f,
  code: f.code ?? f.name ?? '',
  labelBo: f.labelBo ?? null,
  values: Array.isArray(f.values) ? f.values : f.values ? Object.entries(f.values).map(([code, v]) => ({ code, zh: v.zh, bo: v.bo ?? null })) : null,
});

/**
 * The facts a rule may test, with their operators: the registry as the public vocabulary route
 * (`GET /api/policy-match/fields`) serves it to every form that builds or answers rules.
 */
export const useFacts = () => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ facts: Fact[] | null; error: unknown }>({ facts: null, error: null });
  React.useEffect(() => {
    let live = true;
    get<{ data: WireFact[] }>(`/api/${PLUGIN_ID}/fields`).then(
      (res) => live && setState({ facts: res.data.data.map(normaliseFact), error: null }),
      (error: unknown) => live && setState({ facts: null, error }),
    );
    return () => {
      live = false;
    };
  }, [get]);
  return state;
};
