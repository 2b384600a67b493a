import crypto from 'crypto';
import http from 'http';
import type { Core } from '@strapi/strapi';
import { seededRandom } from '../../database/seeds/vocabulary';

/** Shared by the policy-match benches: generated policies with rules, and generated stored profiles. */

export const GARZE = ['513300', '513301', '513322', '513323', '513324', '513325', '513326', '513327', '513328', '513329', '513330', '513331', '513332', '513333', '513334', '513335', '513336', '513337', '513338'];
const IDENTITIES = ['graduate', 'veteran', 'disabled', 'dibao', 'elderly', 'migrant-worker', 'poverty-alleviated', 'unemployed', 'herder', 'returnee'];
const SIZES = ['large', 'medium', 'small', 'micro'];
const SECTIONS = 'ABCDEFGHIJKLMNOPRS'.split('');
const docId = () => crypto.randomBytes(12).toString('hex').slice(0, 24);
const pick = <T>(random: () => number, list: T[]) => list[Math.floor(random() * list.length)];
const isoDay = (random: () => number, fromYear: number, toYear: number) => {
  const t = Date.UTC(fromYear, 0, 1) + random() * (Date.UTC(toYear, 0, 1) - Date.UTC(fromYear, 0, 1));
  return new Date(t).toISOString().slice(0, 10);
};

const personRule = (random: () => number) => {
  const lo = 16 + Math.floor(random() * 30);
  return {
    all: [
      { field: 'age', op: 'between', value: [lo, lo + 10 + Math.floor(random() * 30)] },
      { any: [{ field: 'identityTags', op: 'eq', value: pick(random, IDENTITIES) }, { field: 'incomeBand', op: 'in', value: ['dibao', 'low'] }] },
      { not: { field: 'ownsLocalHousing', op: 'eq', value: true } },
    ],
  };
};
const firmRule = (random: () => number) => ({
  all: [
    { field: 'enterpriseSize', op: 'in', value: [pick(random, SIZES), 'micro'] },
    { field: 'industryCode', op: 'in', value: [pick(random, SECTIONS), pick(random, SECTIONS)] },
    { field: 'employees', op: 'between', value: [5, 50 + Math.floor(random() * 500)] },
    { any: [{ field: 'foundedOn', op: 'after', value: isoDay(random, 2015, 2024) }, { field: 'taxCreditRating', op: 'in', value: ['A', 'B'] }] },
  ],
});

/** `count` published policies (one zh-Hans published row each) with an eligibility of `clauses` clauses. */
export const seedPolicies = async (strapi: Core.Strapi, count: number, clauses = 5) => {
  const random = seededRandom('policy-match-policies');
  const now = new Date();
  const policies: any[] = [];
  const rules: any[] = [];
  for (let i = 0; i < count; i += 1) {
    const documentId = docId();
    const enterprise = random() < 0.3;
    policies.push({
      documentId, locale: 'zh-Hans', publishedAt: now, title: `甘孜州政策第${i}号：${enterprise ? '支持企业发展' : '惠民补贴'}`,
      indexNumber: `11513300MB0000001X/2025-${String(100000 + i)}`, issuingAuthority: '甘孜州人民政府办公室', level: 'prefecture', documentKind: 'normative',
      validity: random() < 0.05 ? 'repealed' : 'valid', validFrom: '2024-01-01', validTo: random() < 0.5 ? '2027-12-31' : null, disclosure: 'proactive', publishDate: now,
    });
    rules.push({
      policyDocumentId: documentId, audience: enterprise ? 'enterprise' : 'individual', tags: [], jurisdiction: random() < 0.2 ? '510000' : pick(random, GARZE),
      applicationDeadline: random() < 0.3 ? isoDay(random, 2025, 2028) : null,
      clauses: Array.from({ length: clauses }, (_, c) => ({ text: `第${c + 1}条`, benefit: `补贴${(c + 1) * 500}元`, rule: enterprise ? firmRule(random) : personRule(random) })),
    });
  }
  for (let i = 0; i < count; i += 500) {
    await strapi.db.query('api::policy.policy').createMany({ data: policies.slice(i, i + 500) });
    await strapi.db.query('plugin::policy-match.eligibility').createMany({ data: rules.slice(i, i + 500) });
  }
  return policies.map((p) => p.documentId as string);
};

/**
 * `count` consented stored profiles written with multi-row INSERTs (knex batchInsert); their typed
 * fact rows are then written by the plugin's backfill (one server-side INSERT … SELECT over the
 * facts JSON, as an upgrade does). 80% individuals, 20% enterprises, 90% living in the Garzê cluster.
 */
export const seedProfiles = async (strapi: Core.Strapi, count: number, onProgress?: (done: number) => void) => {
  const random = seededRandom('policy-match-profiles');
  const profiles = strapi.db.metadata.get('plugin::policy-match.profile' as any).tableName;
  const knex = strapi.db.connection;
  const schema = strapi.db.getSchemaName?.();
  const table = (t: string) => (schema ? `${schema}.${t}` : t);
  const now = new Date();
  const chunk = 5000;
  const start = (await knex(table(profiles)).max('id as m'))[0].m ?? 0;
  for (let base = 0; base < count; base += chunk) {
    const rows: any[] = [];
    for (let i = base; i < Math.min(count, base + chunk); i += 1) {
      const id = start + i + 1;
      const region = random() < 0.9 ? pick(random, GARZE.slice(1)) : '510104';
      if (random() < 0.8) {
        const identityTags = IDENTITIES.filter(() => random() < 0.12);
        const facts: Record<string, unknown> = { householdRegion: region, birthDate: isoDay(random, 1935, 2008), identityTags, incomeBand: pick(random, ['dibao', 'low', 'middle', 'middle', 'high']) };
        if (random() < 0.7) facts.ownsLocalHousing = random() < 0.6;
        if (random() < 0.3) facts.residenceRegion = random() < 0.7 ? region : pick(random, GARZE.slice(1));
        if (random() < 0.06) facts.disabilityGrade = pick(random, ['grade1', 'grade2', 'grade3', 'grade4']);
        if (identityTags.includes('veteran')) facts.dischargeDate = isoDay(random, 2015, 2026);
        if (random() < 0.4) facts.hukouType = random() < 0.5 ? 'urban' : 'rural';
        rows.push({ id, user_id: id, kind: 'individual', facts: JSON.stringify(facts), consent_at: now, subscribed: true, region_code: region, birth_date: facts.birthDate, created_at: now, updated_at: now });
      } else {
        const employees = Math.floor(random() * 800);
        const facts: Record<string, unknown> = { region, industryCode: `${pick(random, SECTIONS)}${10 + Math.floor(random() * 80)}`, enterpriseSize: pick(random, SIZES), employees, foundedOn: isoDay(random, 1995, 2025), taxCreditRating: pick(random, ['A', 'B', 'M', 'C']) };
        if (random() < 0.6) facts.newHires = Math.floor(random() * Math.max(1, employees) * 0.4);
        if (random() < 0.4) facts.employeesLastYear = Math.max(0, employees + Math.floor(random() * 40) - 20);
        rows.push({ id, user_id: id, kind: 'enterprise', facts: JSON.stringify(facts), consent_at: now, subscribed: true, region_code: region, created_at: now, updated_at: now });
      }
    }
    // SQLite allows at most 500 terms in one compound SELECT
    await knex.batchInsert(table(profiles), rows, strapi.db.dialect.client === 'postgres' ? 1000 : 400);
    onProgress?.(Math.min(count, base + chunk));
  }
  if (strapi.db.dialect.client === 'postgres') {
    await knex.raw(`SELECT setval(pg_get_serial_sequence('${table(profiles)}', 'id'), (SELECT MAX(id) FROM ${table(profiles)}))`);
  }
  await strapi.plugin('policy-match').service('profiles').backfillFacts({ force: true });
  if (strapi.db.dialect.client === 'postgres') {
    await knex.raw(`ANALYZE ${table(profiles)}`);
    await knex.raw(`ANALYZE ${table(strapi.db.metadata.get('plugin::policy-match.profile-fact' as any).tableName)}`);
  }
};

/** One POST with a JSON body over loopback, timed to the last byte. */
export const postJson = (baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; ms: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const url = new URL(path, baseUrl);
    if (url.hostname !== '127.0.0.1') throw new Error('loopback only');
    const payload = Buffer.from(JSON.stringify(body));
    const started = process.hrtime.bigint();
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
