/**
 * GB/T 2260 regions of the Garzê cluster: the prefecture 513300 and its 18 counties, with Tibetan
 * names from shared/data/garze-cluster.json (demo spellings, NFC; to be checked by a native reader).
 */
export const GARZE_REGIONS: { code: string; nameZh: string; nameBo: string; parentCode: string; synonyms: string[] }[] = [
  { code: '513300', nameZh: '甘孜藏族自治州', nameBo: 'དཀར་མཛེས་བོད་རིགས་རང་སྐྱོང་ཁུལ།', parentCode: '510000', synonyms: ["甘孜州", "甘孜"] },
  { code: '513301', nameZh: '康定市', nameBo: 'དར་མདོ་གྲོང་ཁྱེར།', parentCode: '513300', synonyms: ["康定"] },
  { code: '513322', nameZh: '泸定县', nameBo: 'ལྕགས་ཟམ་རྫོང་།', parentCode: '513300', synonyms: ["泸定"] },
  { code: '513323', nameZh: '丹巴县', nameBo: 'རོང་བྲག་རྫོང་།', parentCode: '513300', synonyms: ["丹巴"] },
  { code: '513324', nameZh: '九龙县', nameBo: 'བརྒྱད་ཟིལ་རྫོང་།', parentCode: '513300', synonyms: ["九龙"] },
  { code: '513325', nameZh: '雅江县', nameBo: 'ཉག་ཆུ་ཁ་རྫོང་།', parentCode: '513300', synonyms: ["雅江"] },
  { code: '513326', nameZh: '道孚县', nameBo: 'རྟའུ་རྫོང་།', parentCode: '513300', synonyms: ["道孚"] },
  { code: '513327', nameZh: '炉霍县', nameBo: 'བྲག་འགོ་རྫོང་།', parentCode: '513300', synonyms: ["炉霍"] },
  { code: '513328', nameZh: '甘孜县', nameBo: 'དཀར་མཛེས་རྫོང་།', parentCode: '513300', synonyms: ["甘孜"] },
  { code: '513329', nameZh: '新龙县', nameBo: 'ཉག་རོང་རྫོང་།', parentCode: '513300', synonyms: ["新龙"] },
  { code: '513330', nameZh: '德格县', nameBo: 'སྡེ་དགེ་རྫོང་།', parentCode: '513300', synonyms: ["德格"] },
  { code: '513331', nameZh: '白玉县', nameBo: 'དཔལ་ཡུལ་རྫོང་།', parentCode: '513300', synonyms: ["白玉"] },
  { code: '513332', nameZh: '石渠县', nameBo: 'སེར་ཤུལ་རྫོང་།', parentCode: '513300', synonyms: ["石渠"] },
  { code: '513333', nameZh: '色达县', nameBo: 'གསེར་ཐར་རྫོང་།', parentCode: '513300', synonyms: ["色达"] },
  { code: '513334', nameZh: '理塘县', nameBo: 'ལི་ཐང་རྫོང་།', parentCode: '513300', synonyms: ["理塘"] },
  { code: '513335', nameZh: '巴塘县', nameBo: 'འབའ་ཐང་རྫོང་།', parentCode: '513300', synonyms: ["巴塘"] },
  { code: '513336', nameZh: '乡城县', nameBo: 'ཕྱག་ཕྲེང་རྫོང་།', parentCode: '513300', synonyms: ["乡城"] },
  { code: '513337', nameZh: '稻城县', nameBo: 'འདབ་པ་རྫོང་།', parentCode: '513300', synonyms: ["稻城"] },
  { code: '513338', nameZh: '得荣县', nameBo: 'སྡེ་རོང་རྫོང་།', parentCode: '513300', synonyms: ["得荣"] },
];
