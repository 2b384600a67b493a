import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken } from '../helpers/auth';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { asPublishedFixture } from '../helpers/review';

let app: TestApp;
let token: string;

// Everything here is written and read as drafts: publishing needs the three reviews (review-workflow),
// which tests/review-workflow covers. Drafts are validated exactly like published entries.
const draft = (path: string) => `${path}${path.includes('?') ? '&' : '?'}status=draft`;
const api = () => ({
  get: (path: string) => app.request().get(draft(path)).set('Authorization', `Bearer ${token}`),
  post: (path: string, data: object) => app.request().post(draft(path)).set('Authorization', `Bearer ${token}`).send({ data }),
  put: (path: string, data: object) => app.request().put(draft(path)).set('Authorization', `Bearer ${token}`).send({ data }),
});

const policy = (overrides: Record<string, unknown> = {}) => ({
  title: '甘孜藏族自治州人民政府关于进一步加强政务公开工作的意见',
  indexNumber: '11513300MB0000001X/2023-00012',
  issuingAuthority: '甘孜藏族自治州人民政府',
  documentNumber: '甘府发〔2023〕12号',
  writtenDate: '2023-05-10',
  publishDate: '2023-05-12T09:00:00.000Z',
  documentKind: 'normative',
  themeCategory: '综合政务/政务公开',
  subjectWords: '政务公开 意见',
  validity: 'valid',
  validFrom: '2023-06-01',
  validTo: '2028-05-31',
  disclosure: 'proactive',
  level: 'prefecture',
  summary: '就推进全州政务公开标准化规范化提出意见。',
  body: '各县（市）人民政府，州级各部门：为深入推进政务公开……',
  ...overrides,
});

const errorPaths = (res: any) => (res.body.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));

beforeAll(async () => {
  app = await bootStrapi();
  // Every item belongs to a site (site-group), so the cluster's sites come first.
  await seedDemoSites(app.strapi);
  token = await createApiToken(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('policy (政策文件) with the national disclosure metadata', () => {
  it('creates a policy with every metadata field and reads it back', async () => {
    const res = await api().post('/api/policies', policy());
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      indexNumber: '11513300MB0000001X/2023-00012',
      documentNumber: '甘府发〔2023〕12号',
      documentKind: 'normative',
      validity: 'valid',
      disclosure: 'proactive',
      level: 'prefecture',
      locale: 'zh-Hans',
    });
  });

  it.each([
    ['an index number in the wrong format', { indexNumber: '2023-12' }, 'indexNumber'],
    ['a summary over 100 characters', { indexNumber: '11513300MB0000001X/2023-00013', summary: '政'.repeat(101) }, 'summary'],
    ['validTo before validFrom', { indexNumber: '11513300MB0000001X/2023-00014', validFrom: '2024-01-01', validTo: '2023-12-31' }, 'validTo'],
    ['an unknown document kind', { indexNumber: '11513300MB0000001X/2023-00015', documentKind: 'law' }, 'documentKind'],
    ['an unknown validity', { indexNumber: '11513300MB0000001X/2023-00016', validity: 'maybe' }, 'validity'],
    ['an unknown disclosure', { indexNumber: '11513300MB0000001X/2023-00017', disclosure: 'secret' }, 'disclosure'],
    ['a malformed document number', { indexNumber: '11513300MB0000001X/2023-00018', documentNumber: '甘府发2023-12' }, 'documentNumber'],
    ['an index number another policy uses', {}, 'indexNumber'],
  ])('refuses %s with 400 and the field path, saving nothing', async (_label, overrides, field) => {
    const before = await app.strapi.db.query('api::policy.policy').count();
    const res = await api().post('/api/policies', policy(overrides));
    expect(res.status).toBe(400);
    expect(errorPaths(res)).toContain(field);
    expect(await app.strapi.db.query('api::policy.policy').count()).toBe(before);
  });

  it('refuses a duplicate index number even for a draft, and an update that breaks the validity window', async () => {
    const duplicate = await api().post('/api/policies', policy());
    expect(duplicate.status).toBe(400);
    expect(errorPaths(duplicate)).toContain('indexNumber');

    const [existing] = (await api().get('/api/policies')).body.data;
    const res = await api().put(`/api/policies/${existing.documentId}`, { validTo: '2020-01-01' });
    expect(res.status).toBe(400);
    expect(errorPaths(res)).toContain('validTo');
    const unchanged = await api().get(`/api/policies/${existing.documentId}`);
    expect(unchanged.body.data.validTo).toBe('2028-05-31');
  });

  it('links a national → provincial → prefecture chain, readable both ways', async () => {
    const national = await api().post('/api/policies', policy({
      title: '国务院办公厅关于全面推进政务公开工作的意见', indexNumber: '000014349/2016-00021', issuingAuthority: '国务院办公厅',
      documentNumber: '国办发〔2016〕8号', level: 'national',
    }));
    const provincial = await api().post('/api/policies', policy({
      title: '四川省人民政府办公厅关于全面推进政务公开工作的实施意见', indexNumber: '115100000082112345/2016-00102',
      issuingAuthority: '四川省人民政府办公厅', documentNumber: '川办发〔2016〕54号', level: 'provincial',
      implements: [national.body.data.documentId],
    }));
    expect(provincial.status).toBe(201);
    const prefecture = await api().post('/api/policies', policy({
      indexNumber: '11513300MB0000001X/2024-00001', documentNumber: '甘府发〔2024〕1号',
      implements: [provincial.body.data.documentId],
    }));
    expect(prefecture.status).toBe(201);

    const up = await api().get(`/api/policies/${prefecture.body.data.documentId}?populate[implements][populate][implements]=true`);
    expect(up.body.data.implements[0].level).toBe('provincial');
    expect(up.body.data.implements[0].implements[0].level).toBe('national');
    const down = await api().get(`/api/policies/${national.body.data.documentId}?populate[implementedBy][populate][implementedBy]=true`);
    expect(down.body.data.implementedBy[0].documentNumber).toBe('川办发〔2016〕54号');
    expect(down.body.data.implementedBy[0].implementedBy[0].documentNumber).toBe('甘府发〔2024〕1号');
  });
});

describe('interpretation, service guide and FAQ', () => {
  let policyId: string;
  beforeAll(async () => {
    policyId = (await api().get('/api/policies?filters[level]=prefecture&sort=id:asc')).body.data[0].documentId;
  });

  it('links an interpretation to its policy, readable from both sides', async () => {
    const res = await api().post('/api/interpretations', {
      title: '一图读懂《关于进一步加强政务公开工作的意见》', body: '……', form: 'graphic', policy: policyId,
    });
    expect(res.status).toBe(201);
    const fromPolicy = await api().get(`/api/policies/${policyId}?populate=interpretations`);
    expect(fromPolicy.body.data.interpretations.map((i: any) => i.form)).toContain('graphic');
    const fromInterpretation = await api().get(`/api/interpretations/${res.body.data.documentId}?populate=policy`);
    expect(fromInterpretation.body.data.policy.documentId).toBe(policyId);

    const bad = await api().post('/api/interpretations', { title: '解读', form: 'podcast' });
    expect(bad.status).toBe(400);
    expect(errorPaths(bad)).toContain('form');
  });

  it('stores a service guide with its standard elements and legal basis', async () => {
    const res = await api().post('/api/service-guides', {
      itemCode: '11513300MB0000001X-4000-01',
      name: '城乡居民基本养老保险参保登记',
      aliases: '居民养老保险参保,城乡居保登记',
      itemType: 'public-service',
      implementingBody: '甘孜州人力资源和社会保障局',
      legalBasis: [policyId],
      applicableAudience: 'natural-person',
      conditions: '年满16周岁（不含在校学生），非国家机关和事业单位工作人员……',
      materials: [
        { name: '居民身份证', form: 'original', copies: 1, required: true },
        { name: '户口簿', form: 'copy', copies: 1, required: true },
      ],
      procedure: '申请—受理—审核—办结',
      statutoryTimeLimit: 20,
      promisedTimeLimit: 5,
      fee: '不收费',
      placeAndHours: '州政务服务中心二楼，工作日 9:00–17:00',
      enquiryContact: '0836-2822000',
      complaintContact: '12345',
      result: '参保登记信息',
      onlineEntryUrl: 'https://www.sczwfw.gov.cn/jiq/front/item/qlqd',
      fullyOnline: true,
    });
    expect(res.status).toBe(201);
    const guide = await api().get(`/api/service-guides/${res.body.data.documentId}?populate=*`);
    expect(guide.body.data.materials).toHaveLength(2);
    expect(guide.body.data.legalBasis[0].documentId).toBe(policyId);
    const fromPolicy = await api().get(`/api/policies/${policyId}?populate=serviceGuides`);
    expect(fromPolicy.body.data.serviceGuides[0].name).toBe('城乡居民基本养老保险参保登记');
  });

  it.each([
    ['a promised time limit longer than the statutory one', { statutoryTimeLimit: 5, promisedTimeLimit: 10 }, 'promisedTimeLimit'],
    ['an online entry that is not a URL', { onlineEntryUrl: 'javascript:alert(1)' }, 'onlineEntryUrl'],
    ['an unknown item type', { itemType: 'permit' }, 'itemType'],
  ])('refuses a service guide with %s (400, nothing saved)', async (_label, overrides, field) => {
    const before = await app.strapi.db.query('api::service-guide.service-guide').count();
    const res = await api().post('/api/service-guides', {
      itemCode: `X${Date.now()}`, name: '测试事项', implementingBody: '测试单位', ...overrides,
    });
    expect(res.status).toBe(400);
    expect(errorPaths(res)).toContain(field);
    expect(await app.strapi.db.query('api::service-guide.service-guide').count()).toBe(before);
  });

  it('accepts an incomplete draft, but refuses to publish it while a required field is missing', async () => {
    const res = await api().post('/api/service-guides', { itemCode: 'INCOMPLETE-001', name: '材料未填写完整的事项', implementingBody: '测试单位', materials: [{ form: 'copy' }] });
    expect(res.status).toBe(201);
    const publish = asPublishedFixture(app, () => app.strapi.documents('api::service-guide.service-guide').publish({ documentId: res.body.data.documentId }));
    await expect(publish).rejects.toMatchObject({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['materials', '0', 'name'] })] } });
    expect(await app.strapi.db.query('api::service-guide.service-guide').count({ where: { itemCode: 'INCOMPLETE-001', publishedAt: { $notNull: true } } })).toBe(0);
  });

  it('links a FAQ to policies and service guides', async () => {
    const guideId = (await api().get('/api/service-guides')).body.data[0].documentId;
    const res = await api().post('/api/faqs', {
      question: '城乡居民养老保险可以网上办理参保登记吗？',
      answer: '可以，登录四川政务服务网办理。',
      relatedPolicies: [policyId],
      relatedServiceGuides: [guideId],
    });
    expect(res.status).toBe(201);
    const fromGuide = await api().get(`/api/service-guides/${guideId}?populate=faqs`);
    expect(fromGuide.body.data.faqs[0].question).toContain('养老保险');
    const fromPolicy = await api().get(`/api/policies/${policyId}?populate=faqs`);
    expect(fromPolicy.body.data.faqs).toHaveLength(1);
  });
});

describe('Chinese and Tibetan side by side', () => {
  it('keeps a Tibetan version of an article beside the Chinese one, sharing non-localized fields', async () => {
    const zh = await api().post('/api/articles', {
      title: '甘孜州召开政务公开工作推进会', summary: '会议部署全州政务公开重点工作。', body: '……',
      source: '甘孜日报社', publishDate: '2024-02-09T01:58:01.000Z',
    });
    expect(zh.status).toBe(201);
    const bo = await app.request()
      .put(`/api/articles/${zh.body.data.documentId}?locale=bo&status=draft`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'དཀར་མཛེས་ཁུལ་གྱི་སྲིད་གཞུང་ལས་དོན་གསལ་བསྒྲགས་ཚོགས་འདུ།' } });
    expect(bo.status).toBe(200);
    expect(bo.body.data.locale).toBe('bo');

    const list = await api().get('/api/articles?locale=bo');
    expect(list.body.data.map((a: any) => a.title)).toContain('དཀར་མཛེས་ཁུལ་གྱི་སྲིད་གཞུང་ལས་དོན་གསལ་བསྒྲགས་ཚོགས་འདུ།');
    const zhAgain = await api().get(`/api/articles/${zh.body.data.documentId}`);
    expect(zhAgain.body.data.title).toBe('甘孜州召开政务公开工作推进会');
    expect(list.body.data.find((a: any) => a.documentId === zh.body.data.documentId).publishDate).toBe('2024-02-09T01:58:01.000Z');
  });
});
