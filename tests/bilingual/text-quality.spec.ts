import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import cluster from '../../database/seeds/garze-cluster.json';

const ARTICLE = 'api::article.article';
let app: TestApp;
let token: string;

const api = () => ({
  post: (path: string, data: object) => app.request().post(path).set('Authorization', `Bearer ${token}`).send({ data }),
  put: (path: string, data: object) => app.request().put(path).set('Authorization', `Bearer ${token}`).send({ data }),
});

const zhDraft = async (title: string) => {
  const res = await api().post('/api/articles?status=draft', { title, body: `${title}。`, ownerSite: 'ganzi' });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  token = await createApiToken(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('Tibetan text quality on save', () => {
  it('stores a decomposed or non-canonical Tibetan input composed (NFC)', async () => {
    const id = await zhDraft('康定市召开政务公开工作会议');
    // Vowel signs typed in the wrong order (ི U+0F72 before ཱ U+0F71), and a decomposed é in a Latin name.
    const typed = `${cluster.counties[0].bo} ཀ\u0F72\u0F71་ Cafe\u0301`;
    expect(typed.normalize('NFC')).not.toBe(typed);
    const res = await api().put(`/api/articles/${id}?locale=bo&status=draft`, { title: typed, summary: typed });
    expect(res.status).toBe(200);
    const row = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: id, locale: 'bo', publishedAt: null } });
    expect(row.title).toBe(typed.normalize('NFC'));
    expect(row.summary).toBe(typed.normalize('NFC'));
  });

  it('refuses Chinese text in a Tibetan field with 400 and the field path, writing nothing', async () => {
    const id = await zhDraft('泸定县关于做好防汛工作的通知');
    const res = await api().put(`/api/articles/${id}?locale=bo&status=draft`, { title: cluster.counties[1].bo, summary: '泸定县关于做好防汛工作的通知' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['summary'] })]);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { documentId: id, locale: 'bo' } })).toBe(0);
  });

  it('accepts every Tibetan name of the cluster, with digits, Latin and a Chinese proper noun', async () => {
    for (const place of [cluster.prefecture, ...cluster.counties]) {
      const id = await zhDraft(`${place.zh}2025年政府信息公开工作要点`);
      const res = await api().put(`/api/articles/${id}?locale=bo&status=draft`, {
        title: `${place.bo} ༢༠༢༥ 2025 PDF`,
        summary: `${place.bo}（${place.zh}）`,
      });
      expect({ code: place.code, status: res.status }).toEqual({ code: place.code, status: 200 });
    }
  });

  it('leaves Chinese versions alone', async () => {
    const id = await zhDraft('甘孜州人民政府办公室');
    const row = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: id, locale: 'zh-Hans' } });
    expect(row.title).toBe('甘孜州人民政府办公室');
  });

  it('exposes the text service to other plugins', () => {
    const text = app.strapi.plugin('bilingual').service('text');
    expect(text.truncate(cluster.counties[0].bo, 8, { ellipsis: '' })).toBe('དར་མདོ་');
    expect(text.tibetanDigitsToArabic('༢༠༢༥')).toBe('2025');
    expect(text.isPredominantlyTibetan('康定市')).toBe(false);
  });
});
