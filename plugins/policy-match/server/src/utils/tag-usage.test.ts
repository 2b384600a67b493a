import { tagUses, ruleTagUses, type TagFactInfo } from './tag-usage';

const FACTS: Record<string, TagFactInfo> = {
  identityTags: { type: 'tag-list', tagDimension: 'identity' },
  householdRegion: { type: 'region' },
  industryCode: { type: 'industry' },
  enterpriseSize: { type: 'enum' },
  age: { type: 'integer' },
};
const factOf = (code: string) => FACTS[code];

describe('tag usage', () => {
  it('finds a tag in audience tags, jurisdiction and rule values, each with its path', () => {
    const rows = [
      { policyDocumentId: 'p1', tags: ['graduate', 'employment'], jurisdiction: '513300', clauses: [
        { rule: { all: [{ field: 'age', op: 'lte', value: 35 }, { field: 'identityTags', op: 'in', value: ['veteran', 'graduate'] }] } },
        { rule: { not: { field: 'identityTags', op: 'eq', value: 'graduate' } } },
        { rule: null },
      ] },
      { policyDocumentId: 'p2', tags: [], jurisdiction: null, clauses: [] },
    ];
    expect(tagUses(rows, { code: 'graduate', dimension: 'identity' }, factOf)).toEqual([
      { documentId: 'p1', path: ['tags', 0] },
      { documentId: 'p1', path: ['clauses', 0, 'rule', 'all', 1, 'value', 1] },
      { documentId: 'p1', path: ['clauses', 1, 'rule', 'not', 'value'] },
    ]);
    expect(tagUses(rows, { code: '513300', dimension: 'region' }, factOf)).toEqual([{ documentId: 'p1', path: ['jurisdiction'] }]);
  });

  it('counts a rule value only over a fact holding codes of the tag’s dimension', () => {
    // `small` is an enterprise-size tag and an enum value of enterpriseSize: the enum is the registry's, not the taxonomy's.
    expect(ruleTagUses({ field: 'enterpriseSize', op: 'in', value: ['small'] }, { code: 'small', dimension: 'enterprise-size' }, factOf)).toEqual([]);
    expect(ruleTagUses({ field: 'industryCode', op: 'in', value: ['H', 'R'] }, { code: 'R', dimension: 'industry' }, factOf)).toEqual([['value', 1]]);
    expect(ruleTagUses({ field: 'householdRegion', op: 'eq', value: '513301' }, { code: '513301', dimension: 'region' }, factOf)).toEqual([['value']]);
    expect(ruleTagUses({ field: 'unknownFact', op: 'eq', value: 'graduate' }, { code: 'graduate', dimension: 'identity' }, factOf)).toEqual([]);
  });
});
