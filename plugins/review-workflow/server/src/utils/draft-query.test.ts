import { draftQueryParameter } from './draft-query';

describe('draftQueryParameter', () => {
  it.each([
    [{ status: 'draft' }],
    [{ status: 'DRAFT' }],
    [{ status: ' draft' }],
    [{ status: 'Published' }],
    [{ status: 'anything' }],
    [{ status: ['draft'] }],
    [{ status: ['published'] }],
    [{ status: '' }],
    [{ populate: { policy: { status: 'draft' } } }],
    [{ populate: { interpretations: { populate: { policy: { status: 'draft' } } } } }],
    [{ publicationState: 'preview' }],
    [{ PublicationState: 'PREVIEW' }],
    [{ hasPublishedVersion: 'false' }],
    [{ publicationFilter: 'never-published-document' }],
  ])('asks for drafts: %j', (query) => {
    expect(draftQueryParameter(query)).toBe('status');
  });

  it.each([
    [{}],
    [{ status: 'published' }],
    [{ publicationState: 'live' }],
    [{ filters: { status: { $eq: 'draft' } } }],
    [{ sort: ['status:asc'], fields: ['status'] }],
    [{ populate: '*' }],
  ])('does not: %j', (query) => {
    expect(draftQueryParameter(query)).toBeNull();
  });
});
