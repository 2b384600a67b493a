import { checkTreeWrite, NEW_SITE, type TreeNode } from './tree-write';

// root(1) → a(2) → b(3) → c(4); d(5) under root
const tree: TreeNode[] = [
  { id: 1, documentId: 'root', parentId: null },
  { id: 2, documentId: 'a', parentId: 1 },
  { id: 3, documentId: 'b', parentId: 2 },
  { id: 4, documentId: 'c', parentId: 3 },
  { id: 5, documentId: 'd', parentId: 1 },
];
const path = (problems: ReturnType<typeof checkTreeWrite>) => problems.map((p) => p.path.join('.'));

describe('checkTreeWrite', () => {
  it.each<[string, number[], Record<string, unknown>, string[]]>([
    ['parent id to a descendant', [2], { parent: 4 }, ['parent']],
    ['parent documentId to itself', [2], { parent: 'a' }, ['parent']],
    ['parent connect to a descendant', [2], { parent: { connect: [{ documentId: 'c' }] } }, ['parent']],
    ['parent set', [2], { parent: { set: [{ id: 3 }] } }, ['parent']],
    ['children connect an ancestor', [4], { children: { connect: [{ id: 2 }] } }, ['children']],
    ['children connect with a position', [4], { children: { connect: [{ id: 2, position: { before: 5 } }] } }, ['children']],
    ['children connect itself', [3], { children: { connect: ['b'] } }, ['children']],
    ['children set to an ancestor', [3], { children: { set: [{ documentId: 'a' }] } }, ['children']],
    ['children as a plain list', [4], { children: [2] }, ['children']],
    ['children as one id', [4], { children: 1 }, ['children']],
    ['disconnect then connect an ancestor', [3], { children: { disconnect: [4], connect: [2] } }, ['children']],
    ['a new site between a descendant and its ancestor', [NEW_SITE], { parent: 4, children: [2] }, ['children']],
    ['an unknown child', [2], { children: { connect: [99] } }, ['children']],
    ['an unknown parent', [2], { parent: 'nope' }, ['parent']],
  ])('refuses %s', (_, self, data, expected) => {
    expect(path(checkTreeWrite(tree, self, data))).toEqual(expected);
  });

  it.each<[string, number[], Record<string, unknown>]>([
    ['a move sideways', [3], { parent: 5 }],
    ['clearing the parent', [3], { parent: null }],
    ['adopting a cousin', [5], { children: { connect: [{ id: 4, position: { end: true } }] } }],
    ['disconnecting a child', [3], { children: { disconnect: [4] } }],
    ['replacing the children', [1], { children: { set: [2, 5] } }],
    ['no tree change', [2], { name: '康定' }],
    ['a new leaf', [NEW_SITE], { parent: 'c' }],
  ])('allows %s', (_, self, data) => {
    expect(checkTreeWrite(tree, self, data)).toEqual([]);
  });
});
