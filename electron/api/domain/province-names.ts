/**
 * The provinces' names in English (Hanyu Pinyin, as China's own English publications write them;
 * Shaanxi spelt apart from Shanxi), keyed by the short Chinese name the boundary map gives each
 * feature. The 34 provincial-level divisions, and the map's South China Sea box.
 */
const englishNames: Readonly<Record<string, string>> = {
  北京: 'Beijing',
  天津: 'Tianjin',
  河北: 'Hebei',
  山西: 'Shanxi',
  内蒙古: 'Inner Mongolia',
  辽宁: 'Liaoning',
  吉林: 'Jilin',
  黑龙江: 'Heilongjiang',
  上海: 'Shanghai',
  江苏: 'Jiangsu',
  浙江: 'Zhejiang',
  安徽: 'Anhui',
  福建: 'Fujian',
  江西: 'Jiangxi',
  山东: 'Shandong',
  河南: 'Henan',
  湖北: 'Hubei',
  湖南: 'Hunan',
  广东: 'Guangdong',
  广西: 'Guangxi',
  海南: 'Hainan',
  重庆: 'Chongqing',
  四川: 'Sichuan',
  贵州: 'Guizhou',
  云南: 'Yunnan',
  西藏: 'Xizang',
  陕西: 'Shaanxi',
  甘肃: 'Gansu',
  青海: 'Qinghai',
  宁夏: 'Ningxia',
  新疆: 'Xinjiang',
  台湾: 'Taiwan',
  香港: 'Hong Kong',
  澳门: 'Macao',
  南海诸岛: 'South China Sea Islands',
};

/** A province's name in the UI's language ('en' or Chinese); an unknown name as it is. */
export function provinceName(mapName: string, language: string): string {
  return language === 'en' ? (englishNames[mapName] ?? mapName) : mapName;
}
