import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/auth';
import { adminAgent, publishedPolicy } from './fixtures';
import { seedDemoSites } from '../../database/seeds/demo-sites';
import { STARTER_FACTS } from '../../plugins/policy-match/server/src/data/starter-facts';

/**
 * Issue #19 deliver 1 (developer A): the fact registry as data — seeded, served publicly from the
 * registry in the request's locale, edited by cluster admins, Tibetan labels only from the approved
 * glossary, and every change that would alter what stored rules mean refused with those rules (409).
 * The facts this file changes are its own (`reg*`), so the starter set other specs use stays as seeded.
 */

let app: TestApp;
let admin: AdminSession;
const FACT = 'plugin::policy-match.fact';
const ELIGIBILITY = 'plugin::policy-match.eligibility';
const GLOSSARY = 'plugin::bilingual.glossary-term';
const ids: { eligibility: number[]; glossary: number[] } = { eligibility: [], glossary: [] };
let individualPolicy: string;
let enterprisePolicy: string;

const api = () => adminAgent(app, admin.jwt);
const put = (body: object) => api().put('/policy-match/facts', body);
const facts = async () => app.strapi.db.query(FACT).count();

const regGrade = {
  code: 'regGrade', audience: 'individual', type: 'enum', ordered: true, labelZh: '登记测试等级', group: 'assistance',
  values: [{ code: 'low', zh: '低' }, { code: 'mid', zh: '中' }, { code: 'high', zh: '高' }, { code: 'top', zh: '最高' }],
};
const regMonths = { code: 'regMonths', audience: 'both', type: 'integer', labelZh: '登记测试月数', unit: '月', min: 0, max: 600, group: 'social-security' };
const regHires = { code: 'regHires', audience: 'enterprise', type: 'integer', labelZh: '登记测试招用人数', min: 0, group: 'enterprise-employment' };
const regRatio = {
  code: 'regRatio', audience: 'enterprise', type: 'number', labelZh: '登记测试招用比例', unit: '%', group: 'enterprise-employment',
  derived: { formula: 'ratio', args: ['regHires', 'employees'], scale: 100, whenZero: 0 }, askable: false, storable: false,
};

/**
 * Stored rules that use the test facts. Written as rows (the rule validator takes the registry as
 * an argument only once developer B's part lands), on draft policies the matcher never serves.
 */
const storeRules = async () => {
  individualPolicy = await publishedPolicy(app, '登记测试：个人政策', { publish: false });
  enterprisePolicy = await publishedPolicy(app, '登记测试：企业政策', { publish: false });
  const rows = [
    { policyDocumentId: individualPolicy, audience: 'individual', tags: [], clauses: [
      { text: '等级为中及以上', benefit: 'b', rule: { all: [{ field: 'regGrade', op: 'gte', value: 'mid' }, { field: 'regMonths', op: 'gte', value: 12 }] } },
      { text: '等级为高', benefit: 'b', rule: { not: { field: 'regGrade', op: 'in', value: ['high'] } } },
    ] },
    { policyDocumentId: enterprisePolicy, audience: 'enterprise', tags: [], clauses: [
      { text: '缴费满六个月', benefit: 'b', rule: { any: [{ field: 'regMonths', op: 'between', value: [6, 600] }, { field: 'regRatio', op: 'gte', value: 15 }] } },
    ] },
  ];
  for (const data of rows) ids.eligibility.push((await app.strapi.db.query(ELIGIBILITY).create({ data })).id);
};

beforeAll(async () => {
  app = await bootStrapi();
  await seedDemoSites(app.strapi);
  admin = await createAdmin(app);
  for (const body of [regGrade, regMonths, regHires, regRatio]) {
    const res = await put(body);
    if (res.status !== 200) throw new Error(`${body.code}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  await storeRules();
}, 180_000);

afterAll(async () => {
  if (app) {
    for (const id of ids.eligibility) await app.strapi.db.query(ELIGIBILITY).delete({ where: { id } });
    for (const id of ids.glossary) await app.strapi.db.query(GLOSSARY).delete({ where: { id } });
    for (const code of ['regRatio', 'regHires', 'regGrade', 'regMonths', 'regLabelled', 'regUnlabelled', 'regPlain']) await app.strapi.db.query(FACT).delete({ where: { code } });
  }
  await app?.stop();
});

describe('seeding', () => {
  it('installs the starter set once, the sixteen built-in facts among it, and never changes a row', async () => {
    const codes = ((await app.strapi.db.query(FACT).findMany({ select: ['code', 'builtIn'] })) as { code: string; builtIn: boolean }[]);
    for (const f of STARTER_FACTS) expect(codes.map((c) => c.code)).toContain(f.code);
    expect(codes.filter((c) => c.builtIn)).toHaveLength(16);
    const before = await facts();
    // an edited starter row survives a re-seed (a second boot does the same)
    await app.strapi.db.query(FACT).update({ where: { code: 'totalAssets' }, data: { helpZh: '管理员改过的说明' } });
    expect(await app.strapi.plugin('policy-match').service('registry').seedStarter()).toBe(0);
    expect(await facts()).toBe(before);
    expect((await app.strapi.db.query(FACT).findOne({ where: { code: 'totalAssets' } })).helpZh).toBe('管理员改过的说明');
    await app.strapi.db.query(FACT).update({ where: { code: 'totalAssets' }, data: { helpZh: null } });
  });
});

describe('GET /api/policy-match/fields (public)', () => {
  it('serves the registry: types, ops, derived and sensitive facts, in zh by default', async () => {
    const res = await app.request().get('/api/policy-match/fields');
    expect(res.status).toBe(200);
    const by = (code: string) => res.body.data.find((f: any) => f.code === code);
    expect(by('age')).toMatchObject({ name: 'age', type: 'integer', label: '年龄', derived: { formula: 'yearsSince', args: ['birthDate'] }, askable: true, storable: false });
    expect(by('disabilityGrade')).toMatchObject({ sensitive: true, ordered: true, ops: expect.arrayContaining(['gte', 'lt']) });
    expect(by('disabilityGrade').values.map((v: any) => v.label)).toEqual(['无', '四级', '三级', '二级', '一级']);
    expect(by('newHireRatio')).toMatchObject({ askable: false, derived: { formula: 'ratio', args: ['newHires', 'employees'] } });
    expect(by('unemploymentInsuranceMonths')).toMatchObject({ audience: 'both', unit: '月', min: 0, max: 600 });
    expect(by('regGrade')).toBeDefined();
  });

  it('labels in Tibetan where approved, otherwise zh flagged as pending translation', async () => {
    const res = await app.request().get('/api/policy-match/fields?locale=bo');
    expect(res.status).toBe(200);
    const by = (code: string) => res.body.data.find((f: any) => f.code === code);
    expect(by('age')).toMatchObject({ label: 'ལོ་ཚད།', translationPending: false, labelZh: '年龄' });
    expect(by('hukouType')).toMatchObject({ label: '户口性质', translationPending: true, labelBo: null });
    expect(by('hukouType').values[0]).toMatchObject({ code: 'urban', label: '城镇', translationPending: true });
  });

  it('refuses an unknown locale or parameter with its name', async () => {
    const res = await app.request().get('/api/policy-match/fields?locale=fr');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['locale']);
    expect((await app.request().get('/api/policy-match/fields?x=1')).body.error.details.errors[0].path).toEqual(['x']);
  });
});

describe('editing the registry', () => {
  it('creates, lists with uses, updates and deletes a fact; the public list follows at once', async () => {
    const created = await put({ code: 'regPlain', audience: 'both', type: 'boolean', labelZh: '登记测试购置温室', group: 'agriculture', helpZh: '当年是否购置' });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ code: 'regPlain', labelBo: null, labelBoStatus: 'missing', builtIn: false, ops: ['eq', 'exists'] });
    const list = await api().get('/policy-match/facts');
    expect(list.status).toBe(200);
    expect(list.body.data.find((f: any) => f.code === 'regPlain')).toMatchObject({ uses: 0 });
    expect(list.body.data.find((f: any) => f.code === 'regGrade')).toMatchObject({ uses: 2 });
    const updated = await put({ code: 'regPlain', audience: 'both', type: 'integer', labelZh: '登记测试温室数', group: 'agriculture', min: 0 });
    expect(updated.status).toBe(200);
    expect((await app.request().get('/api/policy-match/fields')).body.data.find((f: any) => f.code === 'regPlain')).toMatchObject({ type: 'integer', label: '登记测试温室数' });
    const removed = await api().delete('/policy-match/facts/regPlain');
    expect(removed.status).toBe(200);
    expect((await app.request().get('/api/policy-match/fields')).body.data.find((f: any) => f.code === 'regPlain')).toBeUndefined();
    expect((await api().delete('/policy-match/facts/regPlain')).status).toBe(404);
    expect((await api().get('/policy-match/facts/regPlain/usage')).status).toBe(404);
  });

  it.each<[string, object, string[], string]>([
    ['an unknown key', { ...regMonths, code: 'regBad', colour: 'red' }, ['colour'], 'is not a known field'],
    ['a Tibetan label typed by hand', { ...regMonths, code: 'regBad', labelBo: 'ཟླ་གྲངས།' }, ['labelBo'], 'approved glossary'],
    ['a reserved key', { ...regMonths, code: 'regBad', constructor: { prototype: 1 } }, ['constructor'], 'reserved'],
    ['a bad code', { ...regMonths, code: 'Reg bad' }, ['code'], 'lower-case letter'],
    ['inverted bounds', { ...regMonths, code: 'regBad', min: 10, max: 1 }, ['min'], 'must not be above max'],
    ['bounds on a boolean', { ...regMonths, code: 'regBad', type: 'boolean', max: null }, ['min'], 'only integer, number and year facts have bounds'],
    ['an enum without values', { ...regGrade, code: 'regBad', values: null }, ['values'], 'at least one value'],
    ['a repeated enum value', { ...regGrade, code: 'regBad', values: [{ code: 'a', zh: '甲' }, { code: 'a', zh: '乙' }] }, ['values', '1', 'code'], 'repeats'],
    ['a tag-list without its dimension', { code: 'regBad', audience: 'individual', type: 'tag-list', labelZh: '标签', group: 'basic' }, ['tagDimension'], 'tag dimension'],
    ['a derived fact over an unknown fact', { ...regRatio, code: 'regBad', derived: { formula: 'ratio', args: ['regHires', 'nope'] } }, ['derived', 'args', '1'], 'unknown fact "nope"'],
    ['a derived fact over a derived one', { ...regRatio, code: 'regBad', derived: { formula: 'ratio', args: ['regRatio', 'employees'] } }, ['derived', 'args', '0'], 'one level only'],
    ['a derived fact over a fact of the other audience', { ...regRatio, code: 'regBad', derived: { formula: 'ratio', args: ['householdSize', 'employees'] } }, ['derived', 'args', '0'], 'does not serve'],
    ['a stored derived fact', { ...regRatio, code: 'regBad', storable: true }, ['storable'], 'computed'],
  ])('400 with the path for %s, nothing stored', async (_label, body, path, message) => {
    const before = await facts();
    const res = await put(body);
    expect(res.status).toBe(400);
    const errs = res.body.error.details.errors;
    expect(errs.map((e: any) => e.path.map(String))).toContainEqual(path);
    expect(errs.find((e: any) => e.path.map(String).join('.') === path.join('.')).message).toContain(message);
    expect(await facts()).toBe(before);
  });

  it('gives a Tibetan label only from the approved glossary', async () => {
    ids.glossary.push((await app.strapi.db.query(GLOSSARY).create({ data: { zh: '登记测试草场面积', bo: 'རྩྭ་ཐང་གི་རྒྱ་ཁྱོན།', domain: 'general', approved: true } })).id);
    ids.glossary.push((await app.strapi.db.query(GLOSSARY).create({ data: { zh: '登记测试未审', bo: 'མ་ཞིབ།', domain: 'general', approved: false } })).id);
    const labelled = await put({ code: 'regLabelled', audience: 'individual', type: 'number', labelZh: '登记测试草场面积', unit: '亩', group: 'agriculture' });
    expect(labelled.body.data).toMatchObject({ labelBo: 'རྩྭ་ཐང་གི་རྒྱ་ཁྱོན།', labelBoStatus: 'approved' });
    const unapproved = await put({ code: 'regUnlabelled', audience: 'individual', type: 'boolean', labelZh: '登记测试未审', group: 'basic' });
    expect(unapproved.body.data).toMatchObject({ labelBo: null, labelBoStatus: 'missing' });
    const bo = (await app.request().get('/api/policy-match/fields?locale=bo')).body.data;
    expect(bo.find((f: any) => f.code === 'regLabelled')).toMatchObject({ label: 'རྩྭ་ཐང་གི་རྒྱ་ཁྱོན།', translationPending: false });
    expect(bo.find((f: any) => f.code === 'regUnlabelled')).toMatchObject({ label: '登记测试未审', translationPending: true });
  });

  it('follows another host’s write through the revision row, whatever this host cached', async () => {
    expect((await app.request().get('/api/policy-match/fields')).body.data.find((f: any) => f.code === 'regMonths').label).toBe('登记测试月数');
    // What another host's registry does: write the row and a new revision value in one transaction. No event reaches this one.
    await app.strapi.db.query(FACT).update({ where: { code: 'regMonths' }, data: { labelZh: '另一主机改的月数' } });
    expect((await app.request().get('/api/policy-match/fields')).body.data.find((f: any) => f.code === 'regMonths').label).toBe('登记测试月数');
    await app.strapi.db.query('plugin::policy-match.revision').updateMany({ where: { name: 'registry' }, data: { value: 'other-host-1' } });
    expect((await app.request().get('/api/policy-match/fields')).body.data.find((f: any) => f.code === 'regMonths').label).toBe('另一主机改的月数');
    await app.strapi.db.query(FACT).update({ where: { code: 'regMonths' }, data: { labelZh: '登记测试月数' } });
    await app.strapi.db.query('plugin::policy-match.revision').updateMany({ where: { name: 'registry' }, data: { value: 'other-host-2' } });
  });
});

describe('changes refused while rules use the fact (409 with the rules)', () => {
  const conflict = async (body: object) => {
    const before = await app.strapi.db.query(FACT).findOne({ where: { code: (body as { code: string }).code } });
    const res = await put(body);
    expect(res.status).toBe(409);
    expect(await app.strapi.db.query(FACT).findOne({ where: { code: (body as { code: string }).code } })).toEqual(before);
    return res.body.error;
  };

  it('lists the uses of a fact: clauses of every policy and derivations', async () => {
    const grade = await api().get('/policy-match/facts/regGrade/usage');
    expect(grade.status).toBe(200);
    expect(grade.body.data).toEqual([
      { documentId: individualPolicy, title: '登记测试：个人政策', clause: 1, path: 'clauses.0.rule.all.0', what: 'gte "mid"' },
      { documentId: individualPolicy, title: '登记测试：个人政策', clause: 2, path: 'clauses.1.rule.not', what: 'in ["high"]' },
    ]);
    const hires = await api().get('/policy-match/facts/regHires/usage');
    expect(hires.body.data).toEqual([expect.objectContaining({ documentId: null, path: 'facts.regRatio.derived.args.0', what: 'input of regRatio (ratio)' })]);
  });

  it('a type change', async () => {
    const error = await conflict({ ...regGrade, type: 'integer', values: null, ordered: false });
    expect(error.details.errors[0].path).toEqual(['type']);
    expect(error.details.usedBy.map((u: any) => u.path)).toEqual(['clauses.0.rule.all.0', 'clauses.1.rule.not']);
  });

  it('removing an enum value a rule names; removing an unused one is fine', async () => {
    const withoutMid = await conflict({ ...regGrade, values: regGrade.values.filter((v) => v.code !== 'mid') });
    expect(withoutMid.details.errors).toEqual([expect.objectContaining({ path: ['values', '1'], message: expect.stringContaining('mid') })]);
    expect(withoutMid.details.usedBy).toEqual([expect.objectContaining({ documentId: individualPolicy, clause: 1 })]);
    const withoutHigh = await conflict({ ...regGrade, values: regGrade.values.filter((v) => v.code !== 'high') });
    expect(withoutHigh.details.errors[0].path).toEqual(['values', '2']);
    const withoutTop = await put({ ...regGrade, values: regGrade.values.filter((v) => v.code !== 'top') });
    expect(withoutTop.status).toBe(200);
    expect(withoutTop.body.data.values.map((v: any) => v.code)).toEqual(['low', 'mid', 'high']);
  });

  it('making an ordered enum unordered while a rule compares by order', async () => {
    const error = await conflict({ ...regGrade, values: regGrade.values.slice(0, 3), ordered: false });
    expect(error.details.errors[0].path).toEqual(['ordered']);
  });

  it('narrowing the audience while a policy of the other audience uses it', async () => {
    const error = await conflict({ ...regMonths, audience: 'individual' });
    expect(error.details.errors[0].path).toEqual(['audience']);
    expect(error.details.usedBy).toEqual([expect.objectContaining({ documentId: enterprisePolicy, path: 'clauses.0.rule.any.0' })]);
  });

  it('narrowing the bounds below a value a rule compares with', async () => {
    expect((await conflict({ ...regMonths, min: 7 })).details.errors[0].path).toEqual(['min']);
    expect((await conflict({ ...regMonths, max: 500 })).details.errors[0].path).toEqual(['max']);
    expect((await put({ ...regMonths, min: 6 })).status).toBe(200);
  });

  it('changing the formula of a derived fact in use', async () => {
    const error = await conflict({ ...regRatio, derived: { ...regRatio.derived, scale: 1 } });
    expect(error.details.errors[0].path).toEqual(['derived']);
  });

  it('built-in facts keep their type and audience, and are never deleted', async () => {
    const error = await conflict({ code: 'employees', audience: 'enterprise', type: 'number', labelZh: '从业人数', group: 'enterprise-employment' });
    expect(error.details.errors[0]).toMatchObject({ path: ['type'], message: expect.stringContaining('built in') });
    const del = await api().delete('/policy-match/facts/age');
    expect(del.status).toBe(409);
    expect(await app.strapi.db.query(FACT).count({ where: { code: 'age' } })).toBe(1);
  });

  it('deleting a fact used by a rule or by a derived fact, until nothing uses it', async () => {
    const grade = await api().delete('/policy-match/facts/regGrade');
    expect(grade.status).toBe(409);
    expect(grade.body.error.details.usedBy).toHaveLength(2);
    const hires = await api().delete('/policy-match/facts/regHires');
    expect(hires.status).toBe(409);
    expect(hires.body.error.details.usedBy[0].path).toBe('facts.regRatio.derived.args.0');
    await app.strapi.db.query(ELIGIBILITY).delete({ where: { id: ids.eligibility[0] } });
    expect((await api().delete('/policy-match/facts/regGrade')).status).toBe(200);
  });
});
