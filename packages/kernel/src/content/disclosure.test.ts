import { catalogueEntry, isCatalogueField, publicProjection, publicView } from './disclosure';

describe('publicView', () => {
  it.each([
    [{ disclosure: 'proactive' }, 'full'],
    [{ disclosure: 'on-request' }, 'catalogue'],
    [{ disclosure: 'not-public' }, 'hidden'],
    [{ disclosure: 'secret' }, 'hidden'],
    [{ disclosure: 'NOT-PUBLIC' }, 'hidden'],
    [{ title: 'an article' }, 'full'],
    [{ disclosure: null }, 'full'],
    [null, 'full'],
  ])('%j → %s (unknown values fail closed)', (item, view) => {
    expect(publicView(item as any)).toBe(view);
  });
});

describe('catalogueEntry', () => {
  const policy = {
    id: 1, documentId: 'd1', locale: 'zh-Hans', publishedAt: '2024-03-01',
    title: '关于印发某办法的通知', indexNumber: '11513300MB0000001X/2024-00001', documentNumber: '甘孜府发〔2024〕1号',
    issuingAuthority: '甘孜州人民政府', writtenDate: '2024-02-01', disclosure: 'on-request',
    summary: '摘要', body: '<p>正文</p>', attachments: [{ url: '/uploads/a.pdf' }], interpretations: [{ documentId: 'i1' }], subjectWords: '主题词',
  };
  it('keeps identity and the catalogue fields (题名, 索引号, 发文字号, 发文机关, 成文日期, 公开方式) only', () => {
    expect(catalogueEntry(policy)).toEqual({
      id: 1, documentId: 'd1', locale: 'zh-Hans', publishedAt: '2024-03-01',
      title: '关于印发某办法的通知', indexNumber: '11513300MB0000001X/2024-00001', documentNumber: '甘孜府发〔2024〕1号',
      issuingAuthority: '甘孜州人民政府', writtenDate: '2024-02-01', disclosure: 'on-request',
    });
  });
  it('projects by view: null when hidden, the entry when catalogue, the item when full', () => {
    expect(publicProjection({ ...policy, disclosure: 'not-public' })).toBeNull();
    expect(publicProjection(policy)).not.toHaveProperty('body');
    expect(publicProjection({ ...policy, disclosure: 'proactive' })).toHaveProperty('body');
  });
  it('names the catalogue fields', () => {
    expect(isCatalogueField('documentNumber')).toBe(true);
    expect(isCatalogueField('body')).toBe(false);
  });
});
