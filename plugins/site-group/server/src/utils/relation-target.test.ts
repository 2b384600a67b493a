import { relationTarget } from './relation-target';

describe('relationTarget', () => {
  it.each([
    [undefined, { change: 'none' }],
    [null, { change: 'clear' }],
    [[], { change: 'clear' }],
    ['abc123', { change: 'set', documentId: 'abc123' }],
    [7, { change: 'set', id: 7 }],
    ['7', { change: 'set', id: 7 }],
    [{ documentId: 'x' }, { change: 'set', documentId: 'x' }],
    [{ connect: [{ id: 3, documentId: 'y' }] }, { change: 'set', documentId: 'y' }],
    [{ connect: [], disconnect: [{ id: 3 }] }, { change: 'clear' }],
    [{ connect: [], disconnect: [] }, { change: 'none' }],
    [{ set: [] }, { change: 'clear' }],
    [{ set: [{ id: 9 }] }, { change: 'set', id: 9 }],
  ])('%j → %j', (input, expected) => {
    expect(relationTarget(input)).toEqual(expected);
  });
});
