import { buildXliff, parseXliff, XliffError, XLIFF_NS } from './xliff';

const doc = {
  srcLang: 'zh-Hans',
  trgLang: 'bo',
  files: [
    {
      uid: 'api::article.article',
      documentId: 'abc123',
      sourceHash: 'f'.repeat(64),
      units: [
        { id: 'title', source: '康定市 <通知> & "公告"', target: 'དར་མདོ་གྲོང་ཁྱེར།' },
        { id: 'body', source: '  第一段\r\n\n第二段 📢 ', target: null },
      ],
    },
  ],
};

describe('XLIFF 2.0', () => {
  it('round-trips text exactly, markup characters, CR and leading spaces included', () => {
    const xml = buildXliff(doc);
    expect(xml).toContain(`xmlns="${XLIFF_NS}"`);
    expect(xml).toContain('srcLang="zh-Hans" trgLang="bo"');
    const parsed = parseXliff(xml);
    expect(parsed.files[0]).toMatchObject({ uid: 'api::article.article', documentId: 'abc123', sourceHash: 'f'.repeat(64) });
    expect(parsed.files[0].units).toEqual([
      { id: 'title', source: '康定市 <通知> & "公告"', target: 'དར་མདོ་གྲོང་ཁྱེར།' },
      { id: 'body', source: '  第一段\r\n\n第二段 📢 ', target: null },
    ]);
  });

  it('refuses malformed XML with the line', () => {
    expect(() => parseXliff('<xliff><file></xliff>')).toThrow(/malformed XML at line 1/);
  });

  it('refuses a document without our file attributes or with inline markup', () => {
    const xml = buildXliff(doc).replace(' jy:sourceHash="' + 'f'.repeat(64) + '"', '').replace('<target xml:space="preserve">དར', '<target><ph id="1"/>དར');
    try {
      parseXliff(xml);
      throw new Error('expected an XliffError');
    } catch (e) {
      expect(e).toBeInstanceOf(XliffError);
      expect((e as XliffError).problems.map((p) => p.path.join('.'))).toEqual(['file.0.sourceHash', 'file.0.unit.0.segment.0.target']);
    }
  });

  it('refuses another vocabulary', () => {
    expect(() => parseXliff('<?xml version="1.0"?><xliff version="1.2"><file/></xliff>')).toThrow(XliffError);
  });
});
