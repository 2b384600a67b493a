import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, createRole, type AdminSession } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import cluster from '../../database/seeds/garze-cluster.json';

const ARTICLE = 'api::article.article';
const county = (code: string) => cluster.counties.find((c) => c.code === code)!;
let app: TestApp;
let admin: AdminSession;
const ids: string[] = [];

const exportXliff = (documentIds: string[], session = admin) =>
  app.request().get('/bilingual/xliff/export').query({ uid: ARTICLE, documentIds: documentIds.join(',') }).set('Authorization', `Bearer ${session.jwt}`).buffer(true).parse((res, cb) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (c: string) => (text += c));
    res.on('end', () => cb(null, text));
  });
const importXliff = (xml: string, type = 'application/xliff+xml') =>
  app.request().post('/bilingual/xliff/import').set('Authorization', `Bearer ${admin.jwt}`).set('Content-Type', type).send(xml);

/** Fills the targets unit by unit, as a translator's tool would: translations[file][field]. */
const translate = (xml: string, translations: Record<string, string>[]) => {
  let file = -1;
  return xml.replace(/<file [^>]*>|<unit id="([^"]+)">\s*<segment>\s*<source[^>]*>[\s\S]*?<\/source>(\s*<target[^>]*>[\s\S]*?<\/target>)?/g, (match, field) => {
    if (match.startsWith('<file')) {
      file += 1;
      return match;
    }
    const text = translations[file]?.[field];
    if (text === undefined) return match;
    return match.replace(/(\s*<target[^>]*>[\s\S]*?<\/target>)?$/, `\n        <target>${text}</target>`);
  });
};

const boRows = async () => app.strapi.db.query(ARTICLE).findMany({ where: { documentId: { $in: ids }, locale: 'bo' }, select: ['documentId', 'title', 'summary', 'publishedAt'], orderBy: { documentId: 'asc' } });

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  for (const [code, title] of [['kangding', '康定市召开政务公开工作会议'], ['luding', '泸定县防汛工作通知']]) {
    const doc = await app.strapi.documents(ARTICLE).create({ locale: 'zh-Hans', data: { title, summary: `${title}。`, body: '第一段\n\n第二段 <b>&</b>', ownerSite: code } as any });
    ids.push(doc.documentId);
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('XLIFF 2.0 export and import', () => {
  let exported: string;

  it('exports one <file> per document with its source hash and one <unit> per translatable field', async () => {
    const res = await exportXliff(ids);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/xliff\+xml/);
    exported = res.body;
    expect(exported).toContain('xmlns="urn:oasis:names:tc:xliff:document:2.0"');
    expect(exported).toContain('srcLang="zh-Hans" trgLang="bo"');
    expect(exported.match(/<file /g)).toHaveLength(2);
    expect(exported.match(/jy:sourceHash="[0-9a-f]{64}"/g)).toHaveLength(2);
    expect(exported.match(/<unit id="(title|summary|body)">/g)).toHaveLength(6);
    expect(exported).toContain('第二段 &lt;b&gt;&amp;&lt;/b&gt;');
    expect(exported).not.toContain('<target');
  });

  it('imports translations as Tibetan drafts (NFC) and exports them back as targets', async () => {
    const decomposed = `${county('kangding').bo} ཀ\u0F72\u0F71`;
    const xml = translate(exported, [
      { title: decomposed, summary: `${county('kangding').bo} ཚོགས་འདུ།` },
      { title: `${county('luding').bo} བརྡ་ཐོ།` },
    ]);
    const res = await importXliff(xml);
    expect(res.status).toBe(200);
    expect(res.body.data.imported).toEqual([
      { uid: ARTICLE, documentId: ids[0], fields: ['title', 'summary'], status: 'draft' },
      { uid: ARTICLE, documentId: ids[1], fields: ['title'], status: 'draft' },
    ]);
    const rows = await boRows();
    expect(rows.every((r: any) => r.publishedAt === null)).toBe(true);
    expect(rows.find((r: any) => r.documentId === ids[0]).title).toBe(decomposed.normalize('NFC'));

    const status = await app.request().get('/bilingual/status').query({ contentType: ARTICLE }).set('Authorization', `Bearer ${admin.jwt}`);
    const upToDate = status.body.data.flatMap((g: any) => g.locales.bo.documents['up-to-date'].map((d: any) => d.documentId));
    expect(upToDate).toEqual(expect.arrayContaining(ids));

    const again = (await exportXliff(ids)).body;
    expect(again).toContain(`<target xml:space="preserve">${decomposed.normalize('NFC')}</target>`);
    expect(again.match(/<target/g)).toHaveLength(3);
    exported = again;
  });

  it('also takes text/xml and JSON { xliff }', async () => {
    expect((await importXliff(exported, 'text/xml')).status).toBe(200);
    const json = await app.request().post('/bilingual/xliff/import').set('Authorization', `Bearer ${admin.jwt}`).send({ xliff: exported });
    expect(json.status).toBe(200);
  });

  describe('refuses with 400 and changes nothing', () => {
    let before: any[];
    beforeEach(async () => {
      before = await boRows();
    });
    afterEach(async () => {
      expect(await boRows()).toEqual(before);
    });

    it('malformed XML', async () => {
      const res = await importXliff(exported.replace('</file>', ''));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/malformed XML at line/);
    });

    it('a stale source: the Chinese changed after the export (even if the other file is fine)', async () => {
      const xml = translate(exported, [{ title: `${county('kangding').bo} གསར་པ།` }, {}]);
      await app.strapi.documents(ARTICLE).update({ documentId: ids[1], locale: 'zh-Hans', data: { title: '泸定县防汛工作紧急通知' } as any });
      const res = await importXliff(xml);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['file', 1, 'sourceHash'], message: expect.stringMatching(/stale/) })]);
      exported = (await exportXliff(ids)).body;
    });

    it('an unknown document or field', async () => {
      const res = await importXliff(exported.replace('<unit id="summary">', '<unit id="colour">').replace(`jy:documentId="${ids[1]}"`, 'jy:documentId="nosuchdocument00000000000"'));
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e: any) => e.path)).toEqual([['file', 0, 'unit', 1, 'id'], ['file', 1, 'documentId']]);
    });

    it('Chinese in a Tibetan target, after another file was written: rolled back', async () => {
      const xml = translate(exported, [{ title: `${county('kangding').bo} བཅོས་པ།` }, { title: '泸定县防汛工作紧急通知' }]);
      const res = await importXliff(xml);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['file', 1, 'unit', 'title']);
    });
  });

  it('needs the xliff permissions', async () => {
    const role = await createRole(app, 'Reader', [{ action: 'plugin::bilingual.status.read' }]);
    const reader = await createAdmin(app, { roles: [role.id] });
    expect((await exportXliff(ids, reader)).status).toBe(403);
    const res = await app.request().post('/bilingual/xliff/import').set('Authorization', `Bearer ${reader.jwt}`).send({ xliff: exported });
    expect(res.status).toBe(403);
  });
});
