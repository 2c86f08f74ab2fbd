import { isCityAreaCode } from './area-codes';

/**
 * Countries a 话单's 漫游地 names in Chinese → their calling codes: China's neighbours on the
 * trafficking routes first, then where else phones roam. A number dialled there in its local
 * form (缅甸 09 1234 5678) is that country's (+95 9 1234 5678).
 */
const countryCodes: [string, string][] = [
  ['缅甸', '95'], ['老挝', '856'], ['越南', '84'], ['柬埔寨', '855'], ['泰国', '66'],
  ['马来西亚', '60'], ['新加坡', '65'], ['印度尼西亚', '62'], ['印尼', '62'], ['菲律宾', '63'],
  ['印度', '91'], ['巴基斯坦', '92'], ['尼泊尔', '977'], ['孟加拉', '880'], ['阿富汗', '93'],
  ['香港', '852'], ['澳门', '853'], ['台湾', '886'], ['日本', '81'], ['韩国', '82'], ['蒙古', '976'],
  ['俄罗斯', '7'], ['哈萨克斯坦', '7'], ['吉尔吉斯', '996'], ['塔吉克', '992'], ['乌兹别克', '998'],
  ['阿联酋', '971'], ['迪拜', '971'], ['土耳其', '90'], ['美国', '1'], ['加拿大', '1'],
  ['英国', '44'], ['法国', '33'], ['德国', '49'], ['澳大利亚', '61'],
  // Places police meet daily on the routes, named without their country.
  ['缅北', '95'], ['果敢', '95'], ['佤邦', '95'], ['勐拉', '95'], ['木姐', '95'], ['腊戍', '95'],
  ['大其力', '95'], ['妙瓦底', '95'], ['掸邦', '95'], ['克钦', '95'], ['密支那', '95'],
  ['仰光', '95'], ['曼德勒', '95'], ['老街', '84'], ['河内', '84'], ['胡志明', '84'],
  ['芒街', '84'], ['万象', '856'], ['琅勃拉邦', '856'], ['磨丁', '856'], ['金三角', '856'],
  ['金边', '855'], ['西哈努克', '855'], ['西港', '855'], ['波贝', '855'], ['曼谷', '66'],
  ['清迈', '66'], ['美塞', '66'],
  ['myanmar', '95'], ['burma', '95'], ['laos', '856'], ['vietnam', '84'], ['viet nam', '84'],
  ['cambodia', '855'], ['thailand', '66'], ['malaysia', '60'], ['philippines', '63'],
]; // prettier-ignore

/** ISO 3166 codes a switch prints for the visited country (MMR, KHM), alone in the cell. */
const isoCodes: Record<string, string> = {
  MMR: '95', MM: '95', LAO: '856', LA: '856', VNM: '84', VN: '84', KHM: '855', KH: '855',
  THA: '66', TH: '66', MYS: '60', PHL: '63', HKG: '852', MAC: '853', TWN: '886',
}; // prettier-ignore

/** The calling code of the country a place names (缅甸, 缅甸曼德勒), or null. */
export function roamingCountryCode(place: string): string | null {
  const iso = isoCodes[place.trim().toUpperCase()];
  if (iso) return iso;
  const compact = place.replace(/\s+/g, '').toLowerCase();
  for (const [name, code] of countryCodes)
    if (compact.includes(name.replace(/\s+/g, ''))) return code;
  return null;
}

/**
 * A number as dialled or shown abroad, in that country's own form (a trunk 0 before it, no
 * country code), as its international number (86 0871… as the landline it is). Left as
 * printed (null), for the home rules: a
 * CN mobile; a number China's code (86) begins (8613577112233: a call home); a CN landline of a
 * listed city's three-digit area with its 0 (0871 6312 3456, longer than the neighbours' local
 * numbers); one too short to be a subscriber's (a service number). One that already begins
 * with the country's code (959421234567 in 缅甸) is given its +.
 */
export function dialledAbroad(text: string, countryCode: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^0?[1-9]\d{6,13}$/.test(digits) || /^0?1[3-9]\d{9}$/.test(digits)) return null;
  // China's code before a landline's trunk 0 (86 0871…): the landline.
  if (/^860[1-9]\d{8,10}$/.test(digits)) return digits.slice(2);
  if (/^86(?:1[3-9]\d{9}|[2-9]\d{8,10})$/.test(digits)) return null;
  // Not 09… in 缅甸, where it begins the mobiles (0991 is Urumqi's elsewhere).
  if (
    /^0[1-9]\d{9,10}$/.test(digits) &&
    isCityAreaCode(digits.slice(0, 4)) &&
    !(countryCode === '95' && digits.startsWith('09'))
  )
    return null;
  if (digits.startsWith(countryCode) && digits.length - countryCode.length >= 8)
    return `+${digits}`;
  return `+${countryCode}${digits.replace(/^0/, '')}`;
}
