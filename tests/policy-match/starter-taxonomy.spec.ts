import { bootStrapi, type TestApp } from '../helpers/strapi';

/**
 * #19 §1.9: the starter taxonomy's national identity categories, the `enterprise-type` dimension and
 * sensitive tags, on a fresh install and brought into a database seeded by the release before
 * (`taxonomy.seedStarterAdditions`: once, missing codes only, the herder rename only while unchanged).
 */

let app: TestApp;
const TAG = 'plugin::policy-match.tag';

beforeAll(async () => {
  app = await bootStrapi();
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

const tag = (code: string) => app.strapi.db.query(TAG).findOne({ where: { code } });
const additions = () => app.strapi.plugin('policy-match').service('taxonomy').seedStarterAdditions();
const store = () => app.strapi.store({ type: 'plugin', name: 'policy-match' });

describe('the starter taxonomy', () => {
  it('has the national identity categories (sensitive where they need a consent), 农户 and 牧民 apart, and the enterprise types', async () => {
    const identity = await app.request().get('/api/policy-match/tags?dimension=identity');
    expect(identity.status).toBe(200);
    const byCode = new Map(identity.body.data.map((t: any) => [t.code, t]));
    for (const code of ['tekun', 'low-income', 'hard-to-employ', 'zero-employment-family', 'rural-entrepreneur', 'released-prisoner', 'student-loan-holder', 'farmer', 'herder']) {
      expect(byCode.has(code)).toBe(true);
    }
    expect(byCode.get('herder')).toMatchObject({ nameZh: '牧民', sensitive: false });
    expect(byCode.get('farmer')).toMatchObject({ nameZh: '农户', sensitive: false });
    const sensitive = identity.body.data.filter((t: any) => t.sensitive).map((t: any) => t.code).sort();
    expect(sensitive).toEqual(['dibao', 'disabled', 'hard-to-employ', 'low-income', 'released-prisoner', 'tekun', 'zero-employment-family']);

    const types = await app.request().get('/api/policy-match/tags?dimension=enterprise-type');
    expect(types.status).toBe(200);
    expect(types.body.data.map((t: any) => t.code)).toEqual([
      'small-low-profit', 'individual-business', 'high-tech', 'tech-sme', 'specialized-sme', 'little-giant', 'farmer-coop', 'family-farm', 'agri-leading',
    ]);
    // Installed with the first seed: nothing left to add.
    expect(await additions()).toEqual({ added: 0, marked: 0, renamed: 0 });
  });

  it('brings a taxonomy of the release before up to date once, keeping what an administrator changed', async () => {
    // The release before: no farmer or enterprise types, nothing sensitive, the herder read 农牧民.
    await app.strapi.db.query(TAG).deleteMany({ where: { $or: [{ code: 'farmer' }, { dimension: 'enterprise-type' }] } });
    await app.strapi.db.query(TAG).updateMany({ where: { sensitive: true }, data: { sensitive: false } });
    await app.strapi.db.query(TAG).update({ where: { code: 'herder' }, data: { nameZh: '农牧民', synonyms: ['牧民', '农民'] } });
    await store().set({ key: 'starterTaxonomyRevision', value: 1 });

    expect(await additions()).toEqual({ added: 10, marked: 7, renamed: 1 });
    expect(await tag('herder')).toMatchObject({ nameZh: '牧民', synonyms: ['牧户', '牧区群众'] });
    expect(await tag('farmer')).toMatchObject({ nameZh: '农户', dimension: 'identity' });
    expect(await tag('dibao')).toMatchObject({ sensitive: true });

    // Once: a tag deleted afterwards is not put back, and a second run changes nothing.
    await app.strapi.db.query(TAG).delete({ where: { code: 'family-farm' } });
    expect(await additions()).toEqual({ added: 0, marked: 0, renamed: 0 });
    expect(await tag('family-farm')).toBeNull();

    // An administrator's own name for the herder tag wins over the rename.
    await app.strapi.db.query(TAG).update({ where: { code: 'herder' }, data: { nameZh: '牧区群众' } });
    await store().set({ key: 'starterTaxonomyRevision', value: 1 });
    expect(await additions()).toMatchObject({ renamed: 0 });
    expect(await tag('herder')).toMatchObject({ nameZh: '牧区群众' });
  });
});
