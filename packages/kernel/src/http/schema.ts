import { z } from 'zod';
import { RESERVED_KEYS, findReservedKey } from './reserved-keys';
import { throwFieldErrors, type FieldError } from './field-errors';

/**
 * Request and response schemas on zod, so they can describe themselves (`toJsonSchema`, and the
 * route's `request`/`response` for an OpenAPI document) and refuse what they do not describe.
 *
 * - `strictObject(shape)`: an object refusing unknown keys (each named with its path) and any
 *   reserved key (`__proto__`, `constructor`, …: see `reserved-keys`), at any depth.
 * - `openRecord(value)`: a map with free keys (facts, field texts), still refusing reserved keys.
 * - `queryInt`, `queryBoolean`, `queryList`: scalars as a query string carries them ("2", "true", "a,b").
 * - `parseBody(schema, body)` / `parseQuery(schema, query)`: the parsed value, or a 400
 *   `ValidationError` naming every bad field by its path (`details.errors[].path`, message `a[1].b: …`).
 */

export type Shape = Record<string, z.ZodType>;

const assertNoReservedKeys = (keys: Iterable<string>) => {
  for (const key of keys) if (RESERVED_KEYS.has(key)) throw new Error(`schema: "${key}" is a reserved key and cannot be a field name`);
};

/** An object of exactly these keys: any other key is refused with its path. */
export const strictObject = <S extends Shape>(shape: S) => {
  assertNoReservedKeys(Object.keys(shape));
  return z.strictObject(shape);
};

/** A map with free string keys whose values match `value`; reserved keys are refused (parseBody names them). */
export const openRecord = <V extends z.ZodType>(value: V, params?: { error?: string }) =>
  z.record(z.string(), value, params).check(
    z.superRefine((record, ctx) => {
      for (const key of Object.keys(record)) {
        if (RESERVED_KEYS.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is a reserved key', input: record[key] });
      }
    })
  );

/** A query value as one trimmed string, or undefined when absent or empty. Arrays (a repeated parameter) stay arrays and are refused. */
const scalar = (value: unknown) => (typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim()) : value);

/**
 * A whole number from a query string or a JSON body (`"20"` or `20`), within [min, max].
 * `digits` maps other digit scripts first (e.g. Tibetan ༡༠ → 10).
 */
export const queryInt = ({ min, max, digits, message }: { min?: number; max?: number; digits?: (s: string) => string; message?: string } = {}) => {
  const whole = message ?? 'must be a whole number';
  let n = z.number({ error: whole }).int({ error: whole });
  if (min !== undefined) n = n.min(min, { error: `must be at least ${min}` });
  if (max !== undefined) n = n.max(max, { error: `must be at most ${max}` });
  return z.preprocess((value) => {
    const v = scalar(value);
    if (typeof v !== 'string') return v;
    const text = digits ? digits(v) : v;
    const number = Number(text);
    return /^[-+]?\d+(\.\d+)?$/.test(text) && Number.isFinite(number) ? number : v;
  }, n);
};

/** A boolean from a query string or a JSON body: true/false, 1/0. */
export const queryBoolean = (message = 'must be true or false') =>
  z.preprocess((value) => {
    const v = scalar(value);
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    return v;
  }, z.boolean({ error: message }));

/** A comma-separated list in a query string (`?ids=a,b,c`), or a JSON array. */
export const queryList = <E extends z.ZodType>(element: E) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value),
    z.array(element)
  );

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
};

const received = (input: unknown) => (input === null ? 'null' : Array.isArray(input) ? 'a list' : typeof input === 'object' ? 'an object' : typeof input);

/** Precise English for zod's issues; a schema's own messages take precedence. */
const errorMap = (kind: 'body' | 'query'): z.core.$ZodErrorMap => (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      if (kind === 'query' && Array.isArray(issue.input) && issue.expected !== 'array') return 'must be a single value';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected} (got ${received(issue.input)})`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return `must have at least ${issue.minimum} character${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must have at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'has the wrong format' : `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
};

/** Zod's issues as field errors: one per unknown key (with its own path), one per other issue. */
export const issuesToFieldErrors = (issues: readonly z.core.$ZodIssue[], kind: 'body' | 'query' = 'body'): FieldError[] =>
  issues.flatMap((issue): FieldError[] => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      const input = (issue.input ?? {}) as Record<string, unknown>;
      return issue.keys.map((key) => ({ path: [...path, key], message: kind === 'query' ? 'is not a known parameter' : 'is not a known field', value: input[key] }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length) {
      // The branch that got furthest says most: its first issue, under this path.
      const best = [...issue.errors].sort((a, b) => b.length - a.length)[0];
      if (best.length) return issuesToFieldErrors(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })), kind);
    }
    return [{ path, message: issue.message, value: 'input' in issue ? issue.input : undefined }];
  });

const parse = <S extends z.ZodType>(schema: S, input: unknown, kind: 'body' | 'query'): z.output<S> => {
  // zod reads a literal "__proto__" key of a JSON object as no key at all: look for reserved keys first.
  const reserved = findReservedKey(input);
  if (reserved) throwFieldErrors([{ path: reserved, message: 'is a reserved key' }]);
  const result = schema.safeParse(input, { error: errorMap(kind) });
  if (!result.success) throwFieldErrors(issuesToFieldErrors(result.error.issues, kind));
  return (result as { data: z.output<S> }).data;
};

/** The parsed JSON body, or a 400 naming each bad field by path. A missing body reads as `{}`. */
export const parseBody = <S extends z.ZodType>(schema: S, body: unknown): z.output<S> => parse(schema, body ?? {}, 'body');

/** The parsed query (Koa's `ctx.query`), or a 400 naming each bad parameter. */
export const parseQuery = <S extends z.ZodType>(schema: S, query: unknown): z.output<S> => parse(schema, { ...((query as object) ?? {}) }, 'query');

/** A JSON Schema (draft 2020-12) of what a request may send (`io: 'input'`) or a response holds. */
export const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input') => z.toJSONSchema(schema, { io, unrepresentable: 'throw' });

export { z };
