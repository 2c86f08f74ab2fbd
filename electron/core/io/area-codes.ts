/**
 * Telephone area codes of the cities carriers name in 对方归属地 / 通话地: the provincial
 * capitals, the large cities and the Yunnan and Guangxi border prefectures on the trafficking
 * routes. A landline printed without its area code takes the code of the area given.
 */
const areaCodes: Record<string, string> = {
  北京: '010', 上海: '021', 天津: '022', 重庆: '023', 广州: '020', 深圳: '0755', 东莞: '0769',
  佛山: '0757', 珠海: '0756', 汕头: '0754', 湛江: '0759', 南京: '025', 苏州: '0512', 杭州: '0571',
  宁波: '0574', 温州: '0577', 武汉: '027', 成都: '028', 西安: '029', 沈阳: '024', 长春: '0431',
  哈尔滨: '0451', 济南: '0531', 青岛: '0532', 郑州: '0371', 长沙: '0731', 南昌: '0791',
  合肥: '0551', 福州: '0591', 厦门: '0592', 南宁: '0771', 桂林: '0773', 凭祥: '0771',
  崇左: '0771', 防城港: '0770', 百色: '0776', 海口: '0898', 三亚: '0898', 贵阳: '0851',
  昆明: '0871', 西双版纳: '0691', 景洪: '0691', 德宏: '0692', 瑞丽: '0692', 芒市: '0692',
  临沧: '0883', 普洱: '0879', 保山: '0875', 红河: '0873', 蒙自: '0873', 河口: '0873',
  文山: '0876', 大理: '0872', 丽江: '0888', 怒江: '0886', 曲靖: '0874', 玉溪: '0877',
  昭通: '0870', 楚雄: '0878', 迪庆: '0887', 拉萨: '0891', 兰州: '0931', 西宁: '0971',
  银川: '0951', 乌鲁木齐: '0991', 呼和浩特: '0471', 太原: '0351', 石家庄: '0311',
}; // prettier-ignore

/** "0871", "昆明", "云南昆明", "昆明市" → "0871"; null when the text names no known area. */
export function areaCodeOf(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (!compact) return null;
  if (/^0[1-9]\d{1,2}$/.test(compact)) return compact;
  for (const [city, code] of Object.entries(areaCodes)) if (compact.includes(city)) return code;
  return null;
}

const cityCodes = new Set(Object.values(areaCodes));

/** Whether an area code is one of the cities above (0871 is; 0852, an area too, is not listed). */
export function isCityAreaCode(code: string): boolean {
  return cityCodes.has(code);
}

/**
 * A 对方区号 cell as an area code: "020", "0871", or without the trunk 0 a number cell loses
 * ("20", "871"); null for anything else (empty, 00 abroad, a city's name).
 */
export function printedAreaCode(text: string): string | null {
  const digits = /^0?([1-9]\d{1,2})(?:\.0+)?$/.exec(text.replace(/\s+/g, ''))?.[1];
  return digits ? `0${digits}` : null;
}
