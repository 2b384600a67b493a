import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildXml, escapeXml } from './xml';

describe('escapeXml', () => {
  it('escapes the five markup characters and keeps CR as a reference', () => {
    expect(escapeXml(`a & b < c > d " e ' f\r\n`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f&#13;\n');
    expect(escapeXml('line\n\tnext', { attribute: true })).toBe('line&#10;&#9;next');
    expect(escapeXml(null)).toBe('');
    expect(escapeXml(12)).toBe('12');
  });

  it('drops lone surrogates and XML-illegal control characters, keeps pairs, Tibetan and tabs', () => {
    expect(escapeXml('a\uD800b\uDC00c')).toBe('abc');
    expect(escapeXml('\uDBFF')).toBe('');
    expect(escapeXml('x\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFFy')).toBe('xy');
    expect(escapeXml('𠮷📢👍🏽 བསྒྲུབས་\t')).toBe('𠮷📢👍🏽 བསྒྲུབས་\t');
    // A pair cut in half at the end of a slice is a lone surrogate too.
    expect(escapeXml('通知📢'.slice(0, 3))).toBe('通知');
  });

  it('does not decode or re-escape what is already a reference', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
});

describe('buildXml', () => {
  const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false, htmlEntities: true }).parse(xml);

  it('builds a valid document with attributes, repeated elements and text, leaving out null and undefined', () => {
    const xml = buildXml({
      rss: {
        '@version': '2.0',
        '@xmlns:atom': 'http://www.w3.org/2005/Atom',
        channel: {
          title: '康定市 & <通知>',
          'atom:link': { '@href': 'https://example.org/feed?a=1&b="2"', '@rel': 'self' },
          skipped: null,
          item: [
            { title: 'one', guid: { '@isPermaLink': 'false', '#text': 'g1' }, description: undefined },
            { title: 'two\uD800', n: 0 },
          ],
        },
      },
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml.endsWith('</rss>\n')).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('skipped');
    expect(xml).not.toContain('description');
    const doc = parse(xml);
    expect(doc.rss.channel.title).toBe('康定市 & <通知>');
    expect(doc.rss.channel['atom:link']['@href']).toBe('https://example.org/feed?a=1&b="2"');
    expect(doc.rss.channel.item.map((i: any) => i.title)).toEqual(['one', 'two']);
    expect(doc.rss.channel.item[0].guid).toEqual({ '@isPermaLink': 'false', '#text': 'g1' });
    expect(doc.rss.channel.item[1].n).toBe('0');
  });

  it('round-trips text exactly: spaces, CR LF, Tibetan, emoji', () => {
    const text = '  第一段\r\n\n第二段 📢 བསྒྲུབས་ ';
    const xml = buildXml({ doc: { t: { '@xml:space': 'preserve', '#text': text } } });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parse(xml).doc.t['#text']).toBe(text);
  });

  it('never lets a lone surrogate or a control character into the document', () => {
    const xml = buildXml({ doc: { '@a': 'x\uDC00\u0001', t: 'y\uD83D\u0000z' } });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<doc a="x">');
    expect(xml).toContain('<t>yz</t>');
    expect(xml.isWellFormed()).toBe(true);
  });
});
