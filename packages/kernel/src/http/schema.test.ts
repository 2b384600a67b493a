import { errors } from '@strapi/utils';
import { openRecord, parseBody, parseQuery, queryBoolean, queryInt, strictObject, toJsonSchema, z } from './schema';
import { formatPath } from './field-errors';

const body = strictObject({
  title: z.string().trim().min(1),
  placements: z.array(strictObject({ siteCode: z.string(), priority: queryInt({ min: -10, max: 10 }).optional() })).max(5),
  facts: openRecord(z.unknown()).optional(),
});

/** The ValidationError a parse throws, as the client sees it. */
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    const e = error as errors.ValidationError;
    return { message: e.message, errors: (e.details as { errors: { path: string[]; message: string }[] }).errors };
  }
  throw new Error('expected a ValidationError');
};

describe('parseBody', () => {
  it('returns the parsed value (trimmed, coerced)', () => {
    expect(parseBody(body, { title: ' 关于 ', placements: [{ siteCode: 'ganzi', priority: '3' }] })).toEqual({
      title: '关于',
      placements: [{ siteCode: 'ganzi', priority: 3 }],
    });
  });

  it('names an unknown key with its path, at any depth', () => {
    const r = refusal(() => parseBody(body, { title: 'x', placements: [{ siteCode: 'a' }, { siteCode: 'b', colour: 'red' }], extra: 1 }));
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining([['placements', '1', 'colour'], ['extra']]));
    expect(r.message).toContain('placements[1].colour: is not a known field');
  });

  it.each([
    ['{"title":"x","placements":[{"siteCode":"a","__proto__":{"polluted":true}}]}', ['placements', '0', '__proto__']],
    ['{"title":"x","placements":[],"facts":{"constructor":{"prototype":1}}}', ['facts', 'constructor']],
    ['{"title":"x","placements":[],"facts":{"a":[{"toString":1}]}}', ['facts', 'a', '0', 'toString']],
  ])('refuses a nested reserved key in %s', (json, path) => {
    const r = refusal(() => parseBody(body, JSON.parse(json)));
    expect(r.errors[0].path).toEqual(path);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names a wrong type deep in an array as a[1].b', () => {
    const r = refusal(() => parseBody(body, { title: 'x', placements: [{ siteCode: 'a' }, { siteCode: 7 }] }));
    expect(r.errors).toEqual([expect.objectContaining({ path: ['placements', '1', 'siteCode'], message: 'must be a string (got number)' })]);
    expect(r.message).toBe('placements[1].siteCode: must be a string (got number)');
  });

  it('says "is required" for a missing field and refuses a body that is not an object', () => {
    expect(refusal(() => parseBody(body, { placements: [] })).errors[0]).toMatchObject({ path: ['title'], message: 'is required' });
    expect(refusal(() => parseBody(body, [1, 2])).errors[0]).toMatchObject({ path: [], message: 'must be an object (got a list)' });
  });

  it('refuses a schema declaring a reserved key', () => {
    expect(() => strictObject({ constructor: z.string() })).toThrow(/reserved/);
  });
});

describe('parseQuery', () => {
  const query = strictObject({ page: queryInt({ min: 1 }).default(1), archived: queryBoolean().optional(), q: z.string().optional() });

  it('reads strings as a query carries them', () => {
    expect(parseQuery(query, { page: '2', archived: 'true' })).toEqual({ page: 2, archived: true });
    expect(parseQuery(query, {})).toEqual({ page: 1 });
  });

  it('names unknown, repeated and mistyped parameters', () => {
    expect(refusal(() => parseQuery(query, { colour: 'red' })).errors[0]).toMatchObject({ path: ['colour'], message: 'is not a known parameter' });
    expect(refusal(() => parseQuery(query, { q: ['a', 'b'] })).errors[0]).toMatchObject({ path: ['q'], message: 'must be a single value' });
    expect(refusal(() => parseQuery(query, { page: 'two' })).errors[0]).toMatchObject({ path: ['page'], message: 'must be a whole number' });
    expect(refusal(() => parseQuery(query, { page: '0' })).errors[0]).toMatchObject({ path: ['page'], message: 'must be at least 1' });
  });
});

describe('toJsonSchema', () => {
  it('describes a request body, refusing other keys', () => {
    const schema = toJsonSchema(body);
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false, required: ['title', 'placements'] });
  });
});

describe('formatPath', () => {
  it.each([
    [['placements', 2, 'siteCode'], 'placements[2].siteCode'],
    [['a', '1', 'b'], 'a[1].b'],
    [[], '(root)'],
  ])('%j → %s', (path, text) => expect(formatPath(path)).toBe(text));
});
