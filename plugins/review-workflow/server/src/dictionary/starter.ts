import type { DictionaryEntry, Severity } from '../checks/types';

/**
 * The starter dictionary a new cluster begins with; administrators extend it in the managed
 * dictionary. Three parts:
 *
 * - Typos common in government texts (公文常见错别字): each a form that is never correct, with its
 *   correction. 'error' when the wrong form has no correct reading at all; 'warning' when a
 *   correct text can contain the same characters (既使 in 既使…又使…), with the exceptions we know.
 * - Outdated official names after the institutional reforms of 2008 and 2018 (机构改革), with the
 *   current name. Short names such as 文化部 or 农业部 also occur inside correct text (文化部门
 *   "cultural departments", 农业部门), and every old name is correct in a historical reference
 *   (原国土资源部 "the former Ministry of Land and Resources"): those are listed as exceptions.
 * - A few generic sensitive and political-wording entries, as placeholders for the cluster's
 *   own managed list (which is not shipped with the code).
 */

type Options = { severity?: Severity; note?: string; exceptions?: string[] };

const typo = (term: string, correction: string, options: Options = {}): DictionaryEntry => ({
  term,
  category: 'typo',
  severity: options.severity ?? 'error',
  correction,
  ...(options.note ? { note: options.note } : {}),
  ...(options.exceptions ? { exceptions: options.exceptions } : {}),
});

/** An outdated name is correct after 原 ("former"): always an exception. */
const outdated = (term: string, correction: string, options: Options = {}): DictionaryEntry => ({
  term,
  category: 'outdated-name',
  severity: options.severity ?? 'warning',
  correction,
  ...(options.note ? { note: options.note } : {}),
  exceptions: [`原${term}`, ...(options.exceptions ?? [])],
});

const TYPOS: DictionaryEntry[] = [
  // Words of official documents
  typo('部暑', '部署', { exceptions: ['全部暑', '局部暑', '部暑假', '部暑期', '部暑热', '部暑气'], note: '“全部暑期”等正确用法已排除' }),
  typo('签暑', '签署'),
  typo('按装', '安装'),
  typo('既使', '即使', { severity: 'warning', note: '“既使……又……”句式中为正确用法' }),
  typo('既便', '即便', { severity: 'warning' }),
  typo('即然', '既然'),
  typo('做为', '作为', { severity: 'warning' }),
  typo('签定', '签订'),
  typo('关健', '关键', { severity: 'warning', exceptions: ['关健康', '关健身', '关健全', '关健儿'], note: '“有关健康”“机关健身”等已排除' }),
  typo('贯切', '贯彻', { exceptions: ['一贯切'] }),
  typo('很抓落实', '狠抓落实'),
  typo('拔打', '拨打'),
  typo('拔款', '拨款'),
  typo('等侯', '等候'),
  typo('侯车', '候车'),
  // 究竟/毕竟 + 争/赛/选 is correct text: 究竟选择, 毕竟赛程…
  typo('竟争', '竞争', { severity: 'warning', exceptions: ['究竟争', '毕竟争', '竟争相'] }),
  typo('竟赛', '竞赛', { severity: 'warning', exceptions: ['究竟赛', '毕竟赛'] }),
  typo('竟选', '竞选', { severity: 'warning', exceptions: ['究竟选', '毕竟选'] }),
  typo('通迅', '通讯', { severity: 'warning', exceptions: ['通迅速', '通迅猛', '通迅捷'], note: '“交通迅速/迅猛发展”已排除' }),
  typo('户藉', '户籍'),
  typo('国藉', '国籍'),
  typo('藉贯', '籍贯'),
  typo('防碍', '妨碍'),
  typo('峻工', '竣工'),
  typo('座落', '坐落', { severity: 'warning', exceptions: ['座落成'] }),
  typo('截止到', '截至', { severity: 'warning', note: '表示“到某时为止”应用“截至”' }),
  typo('辩别', '辨别'),
  typo('辩认', '辨认', { exceptions: ['答辩认', '申辩认', '抗辩认'] }),
  typo('编篡', '编纂'),
  typo('纂改', '篡改'),
  typo('松驰', '松弛'),
  typo('渲泄', '宣泄'),
  typo('宣染', '渲染'),
  typo('震憾', '震撼'),
  typo('急燥', '急躁'),
  typo('干躁', '干燥'),
  typo('暴燥', '暴躁'),
  typo('必竟', '毕竟'),
  typo('幅射', '辐射'),
  typo('气慨', '气概'),
  typo('寒喧', '寒暄'),
  typo('精萃', '精粹'),
  typo('渡假', '度假'),
  typo('修茸', '修葺'),
  typo('澈底', '彻底'),
  // Idioms (成语)
  typo('再接再励', '再接再厉'),
  typo('一愁莫展', '一筹莫展'),
  typo('迫不急待', '迫不及待'),
  typo('甘败下风', '甘拜下风'),
  typo('按步就班', '按部就班'),
  typo('中流抵柱', '中流砥柱'),
  typo('默守成规', '墨守成规'),
  typo('一如继往', '一如既往'),
  typo('既往不究', '既往不咎'),
  typo('针贬时弊', '针砭时弊'),
  typo('走头无路', '走投无路'),
  typo('变本加利', '变本加厉'),
  typo('出奇不意', '出其不意'),
  typo('穿流不息', '川流不息'),
  typo('脍灸人口', '脍炙人口'),
  typo('世外桃园', '世外桃源'),
  typo('美仑美奂', '美轮美奂'),
  typo('金榜提名', '金榜题名'),
  typo('汗流夹背', '汗流浃背'),
  typo('一股作气', '一鼓作气'),
  typo('好高鹜远', '好高骛远'),
  typo('精兵减政', '精兵简政'),
  typo('励精图志', '励精图治'),
  typo('饮鸠止渴', '饮鸩止渴'),
  typo('山青水秀', '山清水秀'),
  typo('病入膏盲', '病入膏肓'),
  typo('披星带月', '披星戴月'),
  typo('声名雀起', '声名鹊起'),
  typo('相辅相承', '相辅相成'),
  typo('有持无恐', '有恃无恐'),
  typo('原形必露', '原形毕露'),
  typo('真知卓见', '真知灼见'),
  typo('直接了当', '直截了当'),
  typo('重蹈复辙', '重蹈覆辙'),
  typo('不径而走', '不胫而走'),
  typo('迫在眉捷', '迫在眉睫'),
  typo('首当其充', '首当其冲'),
  typo('勿庸置疑', '毋庸置疑'),
  typo('无可质疑', '无可置疑'),
  typo('有口皆悲', '有口皆碑'),
  typo('一张一驰', '一张一弛'),
  typo('以逸代劳', '以逸待劳'),
  typo('人情事故', '人情世故'),
  typo('缘木求渔', '缘木求鱼'),
  typo('滥芋充数', '滥竽充数'),
  typo('按耐不住', '按捺不住'),
  typo('语重心常', '语重心长'),
  typo('再所难免', '在所难免'),
  typo('默默无文', '默默无闻'),
  typo('貌和神离', '貌合神离'),
  typo('名符其实', '名副其实'),
  typo('提纲契领', '提纲挈领'),
  typo('循序渐近', '循序渐进'),
  typo('贪脏枉法', '贪赃枉法'),
  typo('以身作责', '以身作则'),
  typo('责无旁代', '责无旁贷'),
  typo('克不容缓', '刻不容缓'),
  typo('发人深醒', '发人深省'),
  typo('举一返三', '举一反三'),
  typo('不可思意', '不可思议'),
  typo('记忆尤新', '记忆犹新'),
  typo('言简意骇', '言简意赅'),
  typo('义不容迟', '义不容辞'),
  typo('融汇贯通', '融会贯通'),
  typo('明辩是非', '明辨是非'),
  typo('坚持不泄', '坚持不懈'),
];

const OUTDATED_NAMES: DictionaryEntry[] = [
  outdated('国家工商行政管理总局', '国家市场监督管理总局', { note: '2018年机构改革' }),
  outdated('国家工商总局', '国家市场监督管理总局', { note: '2018年机构改革' }),
  outdated('国家质量监督检验检疫总局', '国家市场监督管理总局', { note: '2018年机构改革，出入境检验检疫划入海关总署' }),
  outdated('国家质检总局', '国家市场监督管理总局', { note: '2018年机构改革，出入境检验检疫划入海关总署' }),
  outdated('国家食品药品监督管理总局', '国家市场监督管理总局', { note: '2018年机构改革，药品监管由国家药品监督管理局负责' }),
  outdated('国家食药监总局', '国家市场监督管理总局', { note: '2018年机构改革，药品监管由国家药品监督管理局负责' }),
  outdated('国土资源部', '自然资源部', { note: '2018年机构改革' }),
  outdated('国家海洋局', '自然资源部', { note: '2018年机构改革，对外保留国家海洋局牌子', severity: 'info' }),
  outdated('环境保护部', '生态环境部', { note: '2018年机构改革' }),
  outdated('国家卫生和计划生育委员会', '国家卫生健康委员会', { note: '2018年机构改革' }),
  outdated('国家卫生计生委', '国家卫生健康委', { note: '2018年机构改革' }),
  outdated('卫计委', '卫生健康委', { note: '2018年机构改革；县级多为卫生健康局' }),
  outdated('文化部', '文化和旅游部', {
    note: '2018年机构改革；“文化部门”等不是机构名称，已排除',
    exceptions: ['文化部门', '文化部分', '文化部落', '文化部署'],
  }),
  outdated('国家旅游局', '文化和旅游部', { note: '2018年机构改革' }),
  outdated('农业部', '农业农村部', { note: '2018年机构改革；“农业部门”等已排除', exceptions: ['农业部门', '农业部分', '农业部署'] }),
  outdated('监察部', '国家监察委员会', { note: '2018年组建国家监察委员会', exceptions: ['监察部门', '纪检监察部', '监察部署'] }),
  outdated('国家安全生产监督管理总局', '应急管理部', { note: '2018年机构改革' }),
  outdated('国家安监总局', '应急管理部', { note: '2018年机构改革' }),
  outdated('国家林业局', '国家林业和草原局', { note: '2018年机构改革' }),
  outdated('国务院法制办公室', '司法部', { note: '2018年机构改革' }),
  outdated('国家新闻出版广电总局', '国家广播电视总局', { note: '2018年机构改革，新闻出版由国家新闻出版署负责' }),
  // info only: 人事部 is also the HR department of any company in a recruitment notice.
  outdated('人事部', '人力资源和社会保障部', { severity: 'info', note: '2008年机构改革；企业“人事部”不在此列', exceptions: ['人事部门', '人事部分', '人事部署'] }),
  outdated('劳动和社会保障部', '人力资源和社会保障部', { note: '2008年机构改革' }),
  outdated('信息产业部', '工业和信息化部', { note: '2008年机构改革' }),
  outdated('国家发展计划委员会', '国家发展和改革委员会', { note: '2003年更名' }),
  outdated('地税局', '税务局', { note: '2018年国税地税征管体制改革，国税、地税机构合并' }),
  outdated('国税局', '税务局', { note: '2018年国税地税征管体制改革，国税、地税机构合并', exceptions: ['美国国税局'] }),
  outdated('国土资源局', '自然资源局', { note: '2018年机构改革（地方）' }),
  outdated('环保局', '生态环境局', { note: '2018年机构改革（地方）' }),
  outdated('安监局', '应急管理局', { note: '2018年机构改革（地方）' }),
  outdated('质监局', '市场监督管理局', { note: '2018年机构改革（地方）' }),
  outdated('食药监局', '市场监督管理局', { note: '2018年机构改革（地方）' }),
];

// Generic placeholders only; the real managed list is kept by each cluster's administrators.
const SENSITIVE: DictionaryEntry[] = [
  { term: '国家秘密', category: 'sensitive', severity: 'warning', note: '涉密内容不得在政府网站发布' },
  { term: '国家机密', category: 'sensitive', severity: 'warning', note: '涉密内容不得在政府网站发布' },
  { term: '绝密', category: 'sensitive', severity: 'error', note: '密级标识' },
  { term: '机密', category: 'sensitive', severity: 'warning', note: '密级标识' },
  { term: '内部资料', category: 'sensitive', severity: 'warning', note: '内部资料不宜公开' },
  { term: '内部文件', category: 'sensitive', severity: 'warning', note: '内部文件不宜公开' },
  { term: '请勿外传', category: 'sensitive', severity: 'warning' },
  { term: '台湾政府', category: 'political', severity: 'warning', correction: '台湾当局', note: '新闻报道规范用语' },
  { term: '台湾总统', category: 'political', severity: 'warning', correction: '台湾地区领导人', note: '新闻报道规范用语' },
];

export const STARTER_DICTIONARY: readonly DictionaryEntry[] = [...TYPOS, ...OUTDATED_NAMES, ...SENSITIVE];
