import { seedDemoSites } from '../../database/seeds/demo-sites';
import { seedDemoContent } from '../../database/seeds/demo-content';
import { seedDemoPlacements } from '../../database/seeds/demo-placements';
import { defineBench } from './lib/bench';
import { get } from './lib/http';

interface Hit {
  documentId: string;
  type: string;
  title: string;
  locale: string;
  documentNumber: string | null;
}

interface Judged {
  q: string;
  locale: 'zh-Hans' | 'bo';
  /** Which indexed documents answer the query (binary relevance). */
  relevant: (hit: Hit) => boolean;
}

/** Tibetan compared without tsheg, shad and spaces, so a judgement does not depend on punctuation. */
const boCompact = (s: string) => s.normalize('NFC').replace(/[\s\u0f0b-\u0f14]/gu, '');
const titleHas = (...parts: string[]) => (h: Hit) => parts.every((p) => h.title.includes(p));
const boTitleHas = (part: string) => (h: Hit) => boCompact(h.title).includes(boCompact(part));
const named = (name: string) => (h: Hit) => h.title === name;
const numbered = (documentNumber: string) => (h: Hit) => h.documentNumber === documentNumber;
const either = (...tests: ((h: Hit) => boolean)[]) => (h: Hit) => tests.some((t) => t(h));

/**
 * At least 40 queries over the demo cluster (seedDemo's policies, interpretations, service guides,
 * FAQs and articles) with what a reader would expect to find: the topic's documents, the service
 * item an alias names, the policy a document number names; in Chinese and in Tibetan.
 */
const JUDGEMENTS: Judged[] = [
  { q: '政务公开工作要点', locale: 'zh-Hans', relevant: titleHas('政务公开工作要点') },
  { q: '政府网站集约化', locale: 'zh-Hans', relevant: titleHas('集约化') },
  { q: '政策解读工作', locale: 'zh-Hans', relevant: titleHas('政策解读工作') },
  { q: '基层政务公开标准化', locale: 'zh-Hans', relevant: titleHas('基层政务公开标准化') },
  { q: '依申请公开', locale: 'zh-Hans', relevant: either(titleHas('依申请公开'), named('政府信息公开申请')) },
  { q: '城乡居民基本养老保险', locale: 'zh-Hans', relevant: titleHas('城乡居民基本养老保险') },
  { q: '养老保险参保登记', locale: 'zh-Hans', relevant: either(named('城乡居民基本养老保险参保登记'), titleHas('参加城乡居民基本养老保险')) },
  { q: '养老金申领', locale: 'zh-Hans', relevant: either(named('城乡居民基本养老保险待遇申领'), titleHas('养老保险待遇')) },
  { q: '草原生态保护补助奖励', locale: 'zh-Hans', relevant: titleHas('草原生态保护补助奖励') },
  { q: '草原补奖', locale: 'zh-Hans', relevant: titleHas('草原生态保护补助奖励') },
  { q: '稳就业', locale: 'zh-Hans', relevant: titleHas('稳就业') },
  { q: '促进就业', locale: 'zh-Hans', relevant: either(titleHas('促进就业'), titleHas('稳就业')) },
  { q: '就业创业证', locale: 'zh-Hans', relevant: titleHas('就业创业证') },
  { q: '创业担保贷款', locale: 'zh-Hans', relevant: titleHas('创业担保贷款') },
  { q: '最低生活保障', locale: 'zh-Hans', relevant: titleHas('最低生活保障') },
  { q: '低保申请', locale: 'zh-Hans', relevant: titleHas('最低生活保障') },
  { q: '临时救助', locale: 'zh-Hans', relevant: titleHas('临时救助') },
  { q: '个体工商户设立登记', locale: 'zh-Hans', relevant: titleHas('个体工商户设立登记') },
  { q: '个体户注销', locale: 'zh-Hans', relevant: titleHas('个体工商户注销') },
  { q: '社会救助', locale: 'zh-Hans', relevant: either(titleHas('社会救助'), titleHas('最低生活保障'), titleHas('临时救助')) },
  { q: '甘府办发〔2023〕18号', locale: 'zh-Hans', relevant: numbered('甘府办发〔2023〕18号') },
  { q: '国办发〔2017〕47号', locale: 'zh-Hans', relevant: numbered('国办发〔2017〕47号') },
  { q: '川办发〔2019〕41号', locale: 'zh-Hans', relevant: numbered('川办发〔2019〕41号') },
  { q: '甘府发[2015]6号', locale: 'zh-Hans', relevant: numbered('甘府发〔2015〕6号') },
  { q: '政务新媒体', locale: 'zh-Hans', relevant: titleHas('政务新媒体') },
  { q: '适老化 无障碍', locale: 'zh-Hans', relevant: titleHas('适老化') },
  { q: '错敏字', locale: 'zh-Hans', relevant: titleHas('错敏字') },
  { q: '三审三校', locale: 'zh-Hans', relevant: titleHas('三审三校') },
  { q: '藏汉双语', locale: 'zh-Hans', relevant: either(titleHas('藏汉双语'), titleHas('一网双语'), titleHas('藏文')) },
  { q: '政府信息公开条例', locale: 'zh-Hans', relevant: titleHas('政府信息公开条例') },
  { q: '网站检查情况通报', locale: 'zh-Hans', relevant: titleHas('检查情况的通报') },
  { q: '年度报告', locale: 'zh-Hans', relevant: titleHas('年度报告') },
  { q: '康定市 政务公开', locale: 'zh-Hans', relevant: titleHas('康定市', '政务公开') },
  { q: '泸定县 依申请公开', locale: 'zh-Hans', relevant: titleHas('泸定县', '依申请公开') },
  { q: '申请政府信息公开多长时间答复', locale: 'zh-Hans', relevant: titleHas('多长时间能得到答复') },
  { q: '信息公开收费', locale: 'zh-Hans', relevant: titleHas('收费') },
  { q: '数据共享开放平台', locale: 'zh-Hans', relevant: titleHas('数据共享开放平台') },
  { q: '规范性文件', locale: 'zh-Hans', relevant: titleHas('规范性文件') },
  { q: 'སྲིད་ཇུས་འགྲེལ་བཤད', locale: 'bo', relevant: boTitleHas('སྲིད་ཇུས་འགྲེལ་བཤད') },
  { q: 'གཞུང་དོན་གསལ་བསྒྲགས', locale: 'bo', relevant: boTitleHas('གཞུང་དོན་གསལ་བསྒྲགས') },
  { q: 'རྩྭ་ཐང་སྐྱེ་ཁམས་སྲུང་སྐྱོབ', locale: 'bo', relevant: boTitleHas('རྩྭ་ཐང་སྐྱེ་ཁམས') },
  { q: 'སྲིད་གཞུང་ཆ་འཕྲིན།', locale: 'bo', relevant: boTitleHas('སྲིད་གཞུང་ཆ་འཕྲིན') },
  { q: 'རྒས་གསོ་ཉེན་འགོག', locale: 'bo', relevant: boTitleHas('རྒས་གསོ་ཉེན་འགོག') },
  { q: 'དྲ་ཚིགས', locale: 'bo', relevant: boTitleHas('དྲ་ཚིགས') },
  { q: 'ལྕགས་ཟམ་རྫོང་', locale: 'bo', relevant: boTitleHas('ལྕགས་ཟམ') },
  { q: 'དར་མདོ་གྲོང་ཁྱེར', locale: 'bo', relevant: boTitleHas('དར་མདོ') },
  { q: 'སྦྱོང་བརྡར', locale: 'bo', relevant: boTitleHas('སྦྱོང་བརྡར') },
  { q: 'ཞུ་བ་ལྟར་གསལ་བསྒྲགས', locale: 'bo', relevant: boTitleHas('ཞུ་བ་ལྟར་གསལ་བསྒྲགས') },
  { q: 'མི་དམངས་ལ་ཕན་པའི་སྲིད་ཇུས', locale: 'bo', relevant: boTitleHas('ཕན་པའི་སྲིད་ཇུས') },
];


const dcg = (gains: number[]) => gains.reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);

export default defineBench({
  name: 'search-relevance',
  description:
    'Relevance of cluster-search over the demo cluster (seedDemo content): precision@3 and nDCG@10 for ' +
    `${JUDGEMENTS.length} judged Chinese and Tibetan queries (binary relevance; the ideal ranking counts every indexed document judged relevant).`,
  async run({ strapi, baseUrl, record }) {
    const trusted = <T>(fn: () => Promise<T>) => strapi.plugin('review-workflow').service('publish-gate').withTrustedPublish('bench fixture', fn);
    await seedDemoSites(strapi);
    await trusted(() => seedDemoContent(strapi));
    await trusted(() => seedDemoPlacements(strapi));
    await strapi.plugin('cluster-search').service('indexer').rebuild();

    // Every indexed document per locale, to know how many relevant ones exist (the ideal ranking).
    const everything = new Map<string, Hit[]>();
    for (const locale of ['zh-Hans', 'bo']) {
      const docs: Hit[] = [];
      for (let page = 1; ; page += 1) {
        const body = JSON.parse((await get(baseUrl, `/api/cluster-search/search?locale=${locale}&pageSize=50&page=${page}&sort=date:desc`)).body);
        docs.push(...body.hits);
        if (page >= body.pageCount) break;
      }
      everything.set(locale, docs);
    }
    record.note(`indexed: ${everything.get('zh-Hans')!.length} zh-Hans and ${everything.get('bo')!.length} bo documents`);

    const scores = { 'zh-Hans': [] as { p3: number; ndcg: number }[], bo: [] as { p3: number; ndcg: number }[] };
    const misses: string[] = [];
    for (const judged of JUDGEMENTS) {
      const res = await get(baseUrl, `/api/cluster-search/search?q=${encodeURIComponent(judged.q)}&locale=${judged.locale}&pageSize=10`);
      if (res.status !== 200) throw new Error(`search "${judged.q}" answered ${res.status}: ${res.body.slice(0, 200)}`);
      const hits = JSON.parse(res.body).hits as Hit[];
      const relevantTotal = everything.get(judged.locale)!.filter(judged.relevant).length;
      if (!relevantTotal) throw new Error(`judgement for "${judged.q}" matches no indexed document: fix the relevance set`);
      const gains = hits.slice(0, 10).map((h) => (judged.relevant(h) ? 1 : 0));
      const p3 = gains.slice(0, 3).reduce<number>((a, g) => a + g, 0) / Math.min(3, relevantTotal);
      const ndcg = dcg(gains) / dcg(Array.from({ length: Math.min(10, relevantTotal) }, () => 1));
      scores[judged.locale].push({ p3, ndcg });
      if (p3 < 1) misses.push(`"${judged.q}" P@3 ${p3.toFixed(2)} nDCG@10 ${ndcg.toFixed(2)}: top 3 ${hits.slice(0, 3).map((h) => h.title.slice(0, 24)).join(' | ')}`);
    }
    for (const miss of misses) record.note(miss);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const all = [...scores['zh-Hans'], ...scores.bo];
    record.figure('queries judged', all.length, 'queries', { target: { kind: 'min', value: 40 }, details: { zh: scores['zh-Hans'].length, bo: scores.bo.length } });
    record.figure('precision@3 (all)', mean(all.map((s) => s.p3)), 'score');
    record.figure('nDCG@10 (all)', mean(all.map((s) => s.ndcg)), 'score');
    for (const locale of ['zh-Hans', 'bo'] as const) {
      record.figure(`precision@3 (${locale})`, mean(scores[locale].map((s) => s.p3)), 'score');
      record.figure(`nDCG@10 (${locale})`, mean(scores[locale].map((s) => s.ndcg)), 'score');
    }
  },
});
