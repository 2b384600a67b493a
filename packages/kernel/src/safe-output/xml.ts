import { XMLBuilder } from 'fast-xml-parser';

/**
 * XML output: one escaper and one builder (fast-xml-parser's XMLBuilder) for every XML document the
 * suite serves or exports (RSS 2.0 feeds, XLIFF 2.0). Documents are described as plain objects and
 * never concatenated as strings.
 */

/**
 * Characters XML 1.0 cannot carry at all: C0 controls but tab, LF and CR; U+FFFE and U+FFFF; and
 * lone surrogates (half of a pair whose other half is missing). Pairs (𠮷, 📢) are kept.
 */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/**
 * `value` as XML character data, safe in element text and in attribute values alike: characters XML
 * forbids are dropped, `& < > " '` escaped, CR kept as `&#13;` (a parser would turn a raw CR into
 * LF). In attributes (`{ attribute: true }`) line breaks and tabs are written as references too, so
 * attribute normalisation does not turn them into spaces. null and undefined give ''.
 */
export const escapeXml = (value: unknown, { attribute = false }: { attribute?: boolean } = {}): string =>
  String(value ?? '')
    .replace(XML_ILLEGAL, '')
    .replace(attribute ? /[&<>"'\r\n\t]/g : /[&<>"'\r]/g, (c) => ESCAPES[c]);

/**
 * An element: attributes are keys starting with `@` (`'@version': '2.0'`), text is `#text`, child
 * elements are other keys (an array repeats the element). Values of null or undefined are left out.
 */
export type XmlElement = { [name: string]: XmlValue };
export type XmlValue = string | number | boolean | null | undefined | XmlElement | XmlValue[];

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  // Escaping is ours (escapeXml), so lone surrogates and control characters never reach a document.
  processEntities: false,
  tagValueProcessor: (_name: string, value: unknown) => escapeXml(value),
  attributeValueProcessor: (_name: string, value: unknown) => escapeXml(value, { attribute: true }),
});

/** Drops null and undefined values (the builder would write them as empty elements). */
const prune = (value: XmlValue): XmlValue => {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(prune);
  if (value && typeof value === 'object') {
    const out: XmlElement = {};
    for (const [key, v] of Object.entries(value)) if (v !== null && v !== undefined) out[key] = prune(v);
    return out;
  }
  return value;
};

/**
 * A UTF-8 XML document with one root element, `{ rss: { '@version': '2.0', channel: { … } } }`,
 * indented two spaces, with the XML declaration and a final line break.
 */
export const buildXml = (root: XmlElement): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${String(builder.build(prune(root))).trim()}\n`;
