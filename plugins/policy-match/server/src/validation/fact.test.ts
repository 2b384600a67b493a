import { parseBody, toJsonSchema } from '@jiyue/kernel';
import { codeParams, fieldsQuery, listResponse, upsertBody, upsertResponse, usageResponse } from './fact';

const errorsOf = (body: unknown) => {
  try {
    parseBody(upsertBody, body);
    return [];
  } catch (e) {
    return (e as { details: { errors: { path: string[]; message: string }[] } }).details.errors.map((x) => `${x.path.join('.')}: ${x.message}`);
  }
};
const ok = { code: 'boughtGreenhouse', audience: 'both', type: 'boolean', labelZh: '购置温室', group: 'agriculture' };

describe('the fact routes’ schemas', () => {
  it('describe themselves as JSON Schema', () => {
    for (const s of [upsertBody, codeParams, fieldsQuery]) expect(() => toJsonSchema(s)).not.toThrow();
    for (const s of [listResponse, upsertResponse, usageResponse]) expect(() => toJsonSchema(s, 'output')).not.toThrow();
  });

  it('take a new fact with defaults', () => {
    expect(parseBody(upsertBody, ok)).toMatchObject({ askable: true, storable: true, sensitive: false, values: null, derived: null, ordered: false });
  });

  it('refuse Tibetan labels typed by hand, unknown keys and bad codes, each with its path', () => {
    expect(errorsOf({ ...ok, labelBo: 'x' })).toEqual([expect.stringMatching(/^labelBo: comes from the approved glossary/)]);
    expect(errorsOf({ ...ok, type: 'enum', values: [{ code: 'a', zh: '甲', bo: 'x' }] })).toEqual([expect.stringMatching(/^values.0.bo: comes from the approved glossary/)]);
    expect(errorsOf({ ...ok, colour: 'red' })).toEqual(['colour: is not a known field']);
    expect(errorsOf({ ...ok, code: '1abc' })).toEqual(['code: must start with a lower-case letter and hold 2–40 letters or digits']);
    expect(errorsOf({ ...ok, derived: { formula: 'product', args: ['newHires', 'employees'] } })).toEqual([expect.stringMatching(/^derived.formula: must be one of/)]);
  });
});
