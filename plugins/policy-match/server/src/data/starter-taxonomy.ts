import { GARZE_REGIONS } from './garze-regions';

export interface StarterTag {
  code: string;
  dimension: 'audience' | 'identity' | 'industry' | 'enterprise-size' | 'region' | 'life-event' | 'enterprise-stage' | 'enterprise-type' | 'theme';
  nameZh: string;
  nameBo?: string | null;
  synonyms?: string[];
  parentCode?: string | null;
  /** A profile may hold it only with its own consent (低保, 特困, 残疾 …); never shown in reverse-match samples. */
  sensitive?: boolean;
}

const dim = (dimension: StarterTag['dimension'], rows: [string, string, string[]?, string?, 'sensitive'?][]): StarterTag[] =>
  rows.map(([code, nameZh, synonyms = [], parentCode, sensitive]) => ({
    code, dimension, nameZh, synonyms, parentCode: parentCode ?? null, sensitive: sensitive === 'sensitive',
  }));

/** GB/T 4754-2017 门类 (sections A–T): a profile's industryCode (e.g. C13) lies under its letter. */
const INDUSTRY_SECTIONS: [string, string, string[]][] = [
  ['A', '农、林、牧、渔业', ['农业', '林业', '畜牧业', '渔业']],
  ['B', '采矿业', ['矿业']],
  ['C', '制造业', ['加工制造']],
  ['D', '电力、热力、燃气及水生产和供应业', ['电力', '水电']],
  ['E', '建筑业', ['建筑']],
  ['F', '批发和零售业', ['批发', '零售', '商贸']],
  ['G', '交通运输、仓储和邮政业', ['交通运输', '物流', '仓储']],
  ['H', '住宿和餐饮业', ['住宿', '餐饮', '民宿']],
  ['I', '信息传输、软件和信息技术服务业', ['软件', '信息技术', '互联网']],
  ['J', '金融业', ['金融']],
  ['K', '房地产业', ['房地产']],
  ['L', '租赁和商务服务业', ['商务服务']],
  ['M', '科学研究和技术服务业', ['科研', '技术服务']],
  ['N', '水利、环境和公共设施管理业', ['水利', '环境治理']],
  ['O', '居民服务、修理和其他服务业', ['居民服务', '家政']],
  ['P', '教育', ['教育培训']],
  ['Q', '卫生和社会工作', ['卫生', '医疗', '养老服务']],
  ['R', '文化、体育和娱乐业', ['文化', '体育', '旅游', '文旅']],
  ['S', '公共管理、社会保障和社会组织', ['社会组织']],
  ['T', '国际组织', []],
];

/**
 * The taxonomy a fresh cluster starts with; editors curate it afterwards. Tibetan names come with
 * the regions (from the cluster data); other dimensions await a translator rather than a guess.
 */
export const STARTER_TAXONOMY: StarterTag[] = [
  ...dim('audience', [['individual', '个人', ['自然人', '群众', '居民']], ['enterprise', '企业', ['法人', '市场主体', '企业法人']]]),
  ...dim('identity', [
    ['graduate', '高校毕业生', ['大学毕业生', '应届毕业生', '毕业生', '大学生'], 'individual'],
    ['veteran', '退役军人', ['退伍军人', '复员军人', '转业军人'], 'individual'],
    ['disabled', '残疾人', ['残障人士', '残疾'], 'individual', 'sensitive'],
    ['dibao', '低保对象', ['低保', '最低生活保障', '低保户'], 'individual', 'sensitive'],
    ['elderly', '老年人', ['老人', '高龄', '高龄老人'], 'individual'],
    ['migrant-worker', '农民工', ['外出务工人员', '务工人员'], 'individual'],
    ['poverty-alleviated', '脱贫人口', ['脱贫户', '监测对象'], 'individual'],
    ['unemployed', '城镇登记失业人员', ['失业人员', '失业'], 'individual'],
    ['herder', '牧民', ['牧户', '牧区群众'], 'individual'],
    ['returnee', '返乡创业人员', ['返乡人员', '返乡创业'], 'individual'],
    // The national categories policies name (#19): 特困, 低收入, 就业困难 … (the four sensitive ones need a consent to be stored).
    ['tekun', '特困人员', ['特困供养人员', '五保户'], 'individual', 'sensitive'],
    ['low-income', '低收入人口', ['低保边缘', '低收入家庭'], 'individual', 'sensitive'],
    ['hard-to-employ', '就业困难人员', ['就业困难'], 'individual', 'sensitive'],
    ['zero-employment-family', '零就业家庭', ['零就业'], 'individual', 'sensitive'],
    ['rural-entrepreneur', '农村自主创业农民', ['农民创业'], 'individual'],
    ['released-prisoner', '刑满释放人员', ['刑释人员'], 'individual', 'sensitive'],
    ['student-loan-holder', '国家助学贷款获得者', ['助学贷款'], 'individual'],
    ['farmer', '农户', ['农民', '种植户'], 'individual'],
  ]),
  ...INDUSTRY_SECTIONS.map(([code, nameZh, synonyms]) => ({ code, dimension: 'industry' as const, nameZh, synonyms, parentCode: null })),
  ...dim('enterprise-size', [
    ['large', '大型企业', ['大企业'], 'enterprise'],
    ['medium', '中型企业', ['中企业'], 'enterprise'],
    ['small', '小型企业', ['小企业', '中小企业'], 'enterprise'],
    ['micro', '微型企业', ['小微企业', '个体工商户'], 'enterprise'],
  ]),
  { code: '510000', dimension: 'region', nameZh: '四川省', nameBo: 'སི་ཁྲོན་ཞིང་ཆེན།', synonyms: ['四川', '川'], parentCode: null },
  ...GARZE_REGIONS.map((r) => ({ ...r, dimension: 'region' as const })),
  ...dim('life-event', [
    ['birth', '出生', ['新生儿', '生育', '出生登记'], 'individual'],
    ['schooling', '入学', ['上学', '就学'], 'individual'],
    ['employment', '就业', ['求职', '就业创业', '招聘'], 'individual'],
    ['marriage', '婚姻', ['结婚', '婚姻登记'], 'individual'],
    ['housing', '住房', ['购房', '租房', '住房保障'], 'individual'],
    ['illness', '就医', ['医疗', '看病', '大病'], 'individual'],
    ['retirement', '退休', ['养老', '养老金'], 'individual'],
    ['death', '身后事', ['殡葬', '丧葬'], 'individual'],
  ]),
  ...dim('enterprise-stage', [
    ['opening', '开办', ['企业开办', '设立登记', '新办企业'], 'enterprise'],
    ['operating', '经营', ['生产经营', '经营发展'], 'enterprise'],
    ['closing', '注销', ['企业注销', '歇业', '退出'], 'enterprise'],
  ]),
  ...dim('enterprise-type', [
    ['small-low-profit', '小型微利企业', ['小微企业', '小型微利'], 'enterprise'],
    ['individual-business', '个体工商户', ['个体户', '个体经营'], 'enterprise'],
    ['high-tech', '高新技术企业', ['高企', '高新企业'], 'enterprise'],
    ['tech-sme', '科技型中小企业', ['科技型企业'], 'enterprise'],
    ['specialized-sme', '专精特新中小企业', ['专精特新'], 'enterprise'],
    ['little-giant', '专精特新“小巨人”企业', ['小巨人企业', '小巨人'], 'enterprise'],
    ['farmer-coop', '农民专业合作社', ['合作社', '专业合作社'], 'enterprise'],
    ['family-farm', '家庭农场', ['家庭牧场'], 'enterprise'],
    ['agri-leading', '农业产业化龙头企业', ['龙头企业'], 'enterprise'],
  ]),
];

/**
 * Changes to tags a database seeded before them already holds: the herder tag read 农牧民 until
 * 农户 (farmer) became its own tag. The new name is applied only while the old one is unchanged,
 * so an administrator's own edit wins.
 */
export const STARTER_RENAMES: { code: string; from: string; to: string; synonyms: string[] }[] = [
  { code: 'herder', from: '农牧民', to: '牧民', synonyms: ['牧户', '牧区群众'] },
];
