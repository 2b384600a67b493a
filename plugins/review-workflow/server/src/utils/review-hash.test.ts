import { hashContent, reviewedContent } from './review-hash';

const attributes = {
  title: { type: 'string' },
  body: { type: 'richtext' },
  policy: { type: 'relation', relation: 'manyToOne' },
  tags: { type: 'relation', relation: 'manyToMany' },
  materials: { type: 'component', component: 'service.material', repeatable: true },
  updatedAt: { type: 'datetime' },
};
const componentAttributes = () => ({ name: { type: 'string' } });
const hash = (entry: Record<string, unknown>) => hashContent(reviewedContent(entry, attributes, componentAttributes));

describe('review hash', () => {
  const base = {
    id: 1, documentId: 'a', title: '关于做好防汛工作的通知', body: '正文', updatedAt: '2024-01-01',
    policy: { id: 3, documentId: 'p1' }, tags: [{ documentId: 't2' }, { documentId: 't1' }], materials: [{ id: 9, name: '身份证' }],
  };
  it('ignores bookkeeping fields, row ids and relation order', () => {
    expect(hash({ ...base, id: 2, updatedAt: '2025-01-01', tags: [{ documentId: 't1' }, { documentId: 't2' }], materials: [{ id: 10, name: '身份证' }] })).toBe(hash(base));
  });
  it('changes with any reviewed field, relation or component value', () => {
    expect(hash({ ...base, title: '关于做好防汛工作的紧急通知' })).not.toBe(hash(base));
    expect(hash({ ...base, policy: { documentId: 'p2' } })).not.toBe(hash(base));
    expect(hash({ ...base, materials: [{ name: '户口簿' }] })).not.toBe(hash(base));
  });
});
