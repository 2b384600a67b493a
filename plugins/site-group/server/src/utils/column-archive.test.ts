import { isArchived } from './column-archive';

describe('isArchived', () => {
  const now = new Date('2024-06-01T00:00:00Z');
  it.each([
    [{ kind: 'topic', expiresAt: '2024-05-31T23:59:59Z' }, true],
    [{ kind: 'topic', expiresAt: '2024-06-01T00:00:00Z' }, true],
    [{ kind: 'topic', expiresAt: '2024-06-01T00:00:01Z' }, false],
    [{ kind: 'topic', expiresAt: null }, false],
    [{ kind: 'list', expiresAt: '2020-01-01T00:00:00Z' }, false],
  ])('%j → %s', (column, expected) => {
    expect(isArchived(column, now)).toBe(expected);
  });
});
