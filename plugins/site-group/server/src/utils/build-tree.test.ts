import { buildTree } from './build-tree';

describe('buildTree', () => {
  it('nests rows under their parents, siblings by sortOrder then code', () => {
    const tree = buildTree([
      { id: 3, parentId: 1, code: 'luding', sortOrder: 2 },
      { id: 1, parentId: null, code: 'ganzi' },
      { id: 2, parentId: 1, code: 'kangding', sortOrder: 1 },
      { id: 4, parentId: 1, code: 'danba', sortOrder: 2 },
    ]) as any[];
    expect(tree).toHaveLength(1);
    expect(tree[0].children.map((c: any) => c.code)).toEqual(['kangding', 'danba', 'luding']);
  });

  it('makes a row whose parent is missing a root', () => {
    const tree = buildTree([{ id: 5, parentId: 99, code: 'orphan' }]) as any[];
    expect(tree.map((n: any) => n.code)).toEqual(['orphan']);
  });
});
