import { buildXml } from '@jiyue/kernel';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
/** Our extension namespace: which document a <file> is, and the source text version it was made from. */
export const JIYUE_NS = 'urn:jiyue:bilingual:1.0';

export interface XliffUnit {
  id: string;
  source: string;
  target?: string | null;
}

export interface XliffFile {
  uid: string;
  documentId: string;
  sourceHash: string;
  units: XliffUnit[];
}

export interface XliffDocument {
  srcLang: string;
  trgLang: string;
  files: XliffFile[];
}

export interface XliffProblem {
  path: (string | number)[];
  message: string;
}

export class XliffError extends Error {
  constructor(message: string, public problems: XliffProblem[]) {
    super(message);
  }
}

/**
 * An XLIFF 2.0 document: one <file> per document (with its source hash), one <unit> per translatable
 * field. Built by the kernel's buildXml, whose escaper drops what XML 1.0 cannot carry (control
 * characters, lone surrogates) and keeps CR as `&#13;` so it survives parsing.
 */
export const buildXliff = (doc: XliffDocument): string =>
  buildXml({
    xliff: {
      '@xmlns': XLIFF_NS,
      '@xmlns:jy': JIYUE_NS,
      '@version': '2.0',
      '@srcLang': doc.srcLang,
      '@trgLang': doc.trgLang,
      file: doc.files.map((file, i) => ({
        '@id': `f${i + 1}`,
        '@original': `${file.uid}/${file.documentId}`,
        '@jy:uid': file.uid,
        '@jy:documentId': file.documentId,
        '@jy:sourceHash': file.sourceHash,
        unit: file.units.map((unit) => ({
          '@id': unit.id,
          segment: {
            source: { '@xml:space': 'preserve', '#text': unit.source },
            target: unit.target === undefined || unit.target === null ? undefined : { '@xml:space': 'preserve', '#text': unit.target },
          },
        })),
      })),
    },
  });

/**
 * XLIFF never needs a document type: a DOCTYPE is how external entities (XXE: files, URLs),
 * parameter entities and entity expansion bombs ("billion laughs") get in. Any DOCTYPE or ENTITY
 * declaration is refused before a parser sees the document (the text outside markup cannot hold
 * `<!` unescaped, so this cannot match translated text).
 */
const DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b/i;

/**
 * Decodes the bytes of an uploaded document: UTF-8 (with or without a byte order mark) or UTF-16
 * LE/BE with its byte order mark, or without one when the document starts with `<`. A declaration
 * hidden in UTF-16 is therefore seen like any other.
 */
export const decodeXmlBytes = (bytes: Buffer): string => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder('utf-16be').decode(bytes);
  return bytes.toString('utf8');
};

const ARRAYS = new Set(['file', 'unit', 'segment', 'ignorable', 'group']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Only XML's five predefined entities and character references (&#13;, and those translation tools
  // write); a DOCTYPE never reaches the parser (see DECLARATION), so no declared entity can be expanded.
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

/** An element as fast-xml-parser returns it: children by name, attributes under `@`, text under `#text`. */
type XmlNode = Record<string, unknown>;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
/** The element's children and attributes; a text-only element or a missing one has none. */
const node = (v: unknown): XmlNode => (v && typeof v === 'object' ? (v as XmlNode) : {});
const attrs = (v: unknown): Record<string, string> => (node(v)['@'] as Record<string, string> | undefined) ?? {};

/** Plain text of a <source>/<target>; inline markup (<ph>, <pc>, ...) is not something we export, so it is refused. */
const textOf = (node: unknown, path: (string | number)[], problems: XliffProblem[]): string | null => {
  if (node === undefined) return null;
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object') {
    const inline = Object.keys(node).filter((k) => k !== '@' && k !== '#text');
    if (inline.length) {
      problems.push({ path, message: `inline markup <${inline[0]}> is not supported; send plain text` });
      return null;
    }
    return String((node as XmlNode)['#text'] ?? '');
  }
  return '';
};

/**
 * Reads an XLIFF 2.0 document written by buildXliff (or a translation tool that kept its <file>
 * attributes). Malformed XML and structural problems throw XliffError with every problem found.
 */
export const parseXliff = (xml: string): XliffDocument => {
  if (typeof xml !== 'string' || !xml.trim()) throw new XliffError('empty XLIFF document', [{ path: [], message: 'the body must be an XLIFF 2.0 document' }]);
  xml = xml.replace(/^\uFEFF/, '');
  const declaration = DECLARATION.exec(xml);
  if (declaration) {
    throw new XliffError(`a <!${declaration[1].toUpperCase()}> declaration is not accepted`, [
      { path: ['body'], message: `XLIFF must not contain a <!${declaration[1].toUpperCase()}> declaration (external or internal entities are never expanded)` },
    ]);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new XliffError(`malformed XML at line ${line}, column ${col}: ${msg}`, [{ path: [], message: `line ${line}, column ${col}: ${msg}` }]);
  }
  const tree = parser.parse(xml);
  const root = tree.xliff;
  const problems: XliffProblem[] = [];
  if (!root || typeof root !== 'object') throw new XliffError('not an XLIFF document: the root element must be <xliff>', [{ path: ['xliff'], message: 'missing' }]);
  const rootAttrs = attrs(root);
  if (rootAttrs.version !== '2.0') problems.push({ path: ['xliff', 'version'], message: 'must be "2.0"' });
  if (rootAttrs.xmlns !== XLIFF_NS) problems.push({ path: ['xliff', 'xmlns'], message: `must be ${XLIFF_NS}` });
  if (!rootAttrs.srcLang) problems.push({ path: ['xliff', 'srcLang'], message: 'is required' });
  if (!rootAttrs.trgLang) problems.push({ path: ['xliff', 'trgLang'], message: 'is required' });
  const prefix = Object.entries(rootAttrs).find(([k, v]) => k.startsWith('xmlns:') && v === JIYUE_NS)?.[0].slice(6) ?? 'jy';

  const files: XliffFile[] = list(root.file).map((file, fi) => {
    const a = attrs(file);
    const path = ['file', fi];
    for (const key of ['uid', 'documentId', 'sourceHash']) {
      if (!a[`${prefix}:${key}`]) problems.push({ path: [...path, key], message: `<file> needs ${prefix}:${key} (keep the attributes of the exported file)` });
    }
    if (node(file).group !== undefined) problems.push({ path: [...path, 'group'], message: '<group> is not supported' });
    const units = list(node(file).unit).map((unit, ui) => {
      const unitPath = [...path, 'unit', ui];
      const id = attrs(unit).id;
      if (!id) problems.push({ path: [...unitPath, 'id'], message: 'is required' });
      let source = '';
      let target: string | null = null;
      list(node(unit).segment).forEach((segment, si) => {
        source += textOf(node(segment).source, [...unitPath, 'segment', si, 'source'], problems) ?? '';
        const t = textOf(node(segment).target, [...unitPath, 'segment', si, 'target'], problems);
        if (t !== null) target = (target ?? '') + t;
      });
      return { id, source, target };
    });
    return { uid: a[`${prefix}:uid`], documentId: a[`${prefix}:documentId`], sourceHash: a[`${prefix}:sourceHash`], units };
  });
  if (!files.length) problems.push({ path: ['file'], message: 'the document has no <file>' });
  if (problems.length) throw new XliffError(`invalid XLIFF: ${problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ')}`, problems);
  return { srcLang: rootAttrs.srcLang, trgLang: rootAttrs.trgLang, files };
};
