import { buildHierarchy } from './hierarchy';

const tree = buildHierarchy([
  { id: 1, code: 'ganzi', parentId: null },
  { id: 2, code: 'kangding', parentId: 1 },
  { id: 3, code: 'luding', parentId: 1 },
  { id: 4, code: 'lucheng', parentId: 2 },
]);

describe('buildHierarchy', () => {
  it('lists a subtree including the site itself', () => {
    expect(tree.subtree(1).sort()).toEqual([1, 2, 3, 4]);
    expect(tree.subtree(2).sort()).toEqual([2, 4]);
    expect(tree.subtree(99)).toEqual([]);
  });
  it('lists ancestors nearest first', () => {
    expect(tree.ancestors(4)).toEqual([2, 1]);
    expect(tree.ancestors(1)).toEqual([]);
  });
  it('survives a cycle in corrupt data', () => {
    const loop = buildHierarchy([
      { id: 1, code: 'a', parentId: 2 },
      { id: 2, code: 'b', parentId: 1 },
    ]);
    expect(loop.ancestors(1)).toEqual([2]);
    expect(loop.subtree(1).sort()).toEqual([1, 2]);
  });
});
