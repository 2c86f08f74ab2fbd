/**
 * Identifier formats: mobile and landline numbers, vehicle plates. Each parser normalises what
 * people type (spaces, dashes, the plate's middle dot, full-width characters) and says why a
 * value is refused.
 */

type PhoneProblem = 'format';

/**
 * What a number is. Mobile: CN `1[3-9]` and 11 digits; landline: CN with area code; local:
 * a CN landline printed without its area code (7–8 digits); international: E.164 with a
 * country other than China; service: short numbers (110, 10086, 95555, 12345, 96xxx);
 * hotline: 400/800; smsGateway: 106… long numbers that send bulk SMS; unknown: digits that
 * fit none of these (carriers print hidden or malformed numbers as they come); iot: the
 * 13-digit numbers of IoT cards (移动 1440/148/1064x, 联通 146, 电信 1410/149), which SIM
 * watches and trackers call and text from.
 */
export const phoneNumberTypes = [
  'mobile',
  'landline',
  'local',
  'international',
  'service',
  'hotline',
  'smsGateway',
  'unknown',
  'iot',
] as const;
export type PhoneNumberType = (typeof phoneNumberTypes)[number];

type PhoneResult =
  | { ok: true; value: string; type: PhoneNumberType; country: string | null }
  | { ok: false; problem: PhoneProblem };

/**
 * Country calling codes → ISO 3166 country, longest first when read. China's neighbours on the
 * trafficking routes (Myanmar, Laos, Vietnam, Thailand, Cambodia) and the usual others.
 */
const callingCodes: Record<string, string> = {
  '1': 'US', '7': 'RU', '20': 'EG', '27': 'ZA', '30': 'GR', '31': 'NL', '32': 'BE', '33': 'FR',
  '34': 'ES', '36': 'HU', '39': 'IT', '40': 'RO', '41': 'CH', '43': 'AT', '44': 'GB', '45': 'DK',
  '46': 'SE', '47': 'NO', '48': 'PL', '49': 'DE', '51': 'PE', '52': 'MX', '54': 'AR', '55': 'BR',
  '56': 'CL', '57': 'CO', '60': 'MY', '61': 'AU', '62': 'ID', '63': 'PH', '64': 'NZ', '65': 'SG',
  '66': 'TH', '81': 'JP', '82': 'KR', '84': 'VN', '86': 'CN', '90': 'TR', '91': 'IN', '92': 'PK',
  '93': 'AF', '94': 'LK', '95': 'MM', '98': 'IR', '234': 'NG', '351': 'PT', '353': 'IE',
  '380': 'UA', '852': 'HK', '853': 'MO', '855': 'KH', '856': 'LA', '880': 'BD', '886': 'TW',
  '960': 'MV', '961': 'LB', '962': 'JO', '966': 'SA', '971': 'AE', '972': 'IL', '974': 'QA',
  '975': 'BT', '976': 'MN', '977': 'NP', '992': 'TJ', '993': 'TM', '994': 'AZ', '996': 'KG',
  '998': 'UZ',
}; // prettier-ignore

/** The calling code an E.164 number begins with (its country and its length), if listed. */
function callingCodeOf(e164: string): { country: string; length: number } | null {
  const digits = e164.replace(/^\+/, '');
  for (const length of [3, 2, 1]) {
    const country = callingCodes[digits.slice(0, length)];
    if (country) return { country, length };
  }
  return null;
}

/**
 * Whether a national number begins with 0 after its country code: no country but Italy writes
 * its trunk 0 there, so digits read so (95013123456789: a 95013 service number with digits
 * after it) are no foreign number.
 */
function trunkZeroAfterCode(e164: string): boolean {
  const code = callingCodeOf(e164);
  return !!code && code.country !== 'IT' && e164.replace(/^\+/, '')[code.length] === '0';
}

/** The country of an E.164 number (`+95…` → MM), or null when the code is not listed. */
function phoneCountry(e164: string): string | null {
  return callingCodeOf(e164)?.country ?? null;
}

/**
 * Foreign numbers of 11 digits printed without + or 00, as the neighbours on the trafficking
 * routes number them: Vietnam's mobiles (84 and nine digits, 3x/5x/7x/8x/9x), Myanmar's (95 9
 * and eight), Laos's eight-digit numbers (856 20…, 856 21… Vientiane). No CN number is read so:
 * a mobile begins with 1, a landline with its 0, and no CN area code is 084x or 095x; 0856
 * (Tongren) has seven-digit numbers, ten digits without its 0. Other codes stay unknown at 11
 * digits: 0931 65123456 without its 0 begins with Afghanistan's 93.
 */
const elevenDigitForeign =
  /^(?:84(?:3[2-9]|5[2689]|7[06-9]|8[1-9]|9\d)\d{7}|959\d{8}|856[2-9]\d{7})$/;

/** An IoT card's number: 13 digits, 14x or 1064x (106 and 11 digits more is an SMS gateway). */
const iotNumber = /^(?:14\d{11}|1064\d{9})$/;

/** The type of a number as stored (the output of `parsePhone`/`parseFarEnd`). */
export function phoneNumberType(value: string): PhoneNumberType {
  if (value.startsWith('+')) return 'international';
  if (/^1[3-9]\d{9}$/.test(value)) return 'mobile';
  if (/^[48]00\d{7}$/.test(value)) return 'hotline';
  if (iotNumber.test(value)) return 'iot';
  if (/^106\d{5,17}$/.test(value)) return 'smsGateway';
  if (/^(?:1\d{2}|1\d{4}|9[56]\d{3,6}|12\d{3,4})$/.test(value)) return 'service';
  if (/^0[1-9]\d{8,10}$/.test(value)) return 'landline';
  if (/^[2-8]\d{6,7}(?:（\d+本地）)?$/.test(value)) return 'local';
  return 'unknown';
}

/**
 * A landline without its area code as one target's list gives it (65123456（13987650001本地）):
 * a number of that target's city, apart from the same digits in another city's list.
 */
export function localNumberOf(digits: string, target: string): string {
  return `${digits}（${target}本地）`;
}

/**
 * Numbers that are not people: service and short numbers, 400/800 hotlines, SMS gateways.
 * Every call list is full of them; charts hide them unless asked, 话单碰撞 leaves them out.
 */
export const serviceNumberTypes: ReadonlySet<PhoneNumberType> = new Set<PhoneNumberType>([
  'service',
  'hotline',
  'smsGateway',
]);

/** Whether a stored number (the output of `parsePhone`/`parseFarEnd`) is a service number. */
function isServiceNumber(value: string): boolean {
  return serviceNumberTypes.has(phoneNumberType(value));
}

/** A phone entity (as charts and lists carry it) whose number is a service number. */
export function isServicePhone(entity: { kind: string; identifier: string | null }): boolean {
  return (
    entity.kind === 'phone' && entity.identifier !== null && isServiceNumber(entity.identifier)
  );
}

function result(value: string): PhoneResult {
  const type = phoneNumberType(value);
  return { ok: true, value, type, country: type === 'international' ? phoneCountry(value) : null };
}

/**
 * A landline with its extension (0871-65123456-8001, 0871-6512 3456 转 8001, 分机 8001, ext. 8001):
 * the line itself. Its digits run together had made another number (0871651234568001).
 */
function withoutExtension(raw: string): string {
  const text = raw.normalize('NFKC').trim();
  const named = /^(.*?\d)\s*(?:转|分机|ext\.?|x)\s*\d{1,6}$/i.exec(text);
  if (named) return named[1]!;
  const dashed = /^(\(?0\d{2,3}\)?\s*-?\s*\d{3,4}\s?\d{4})\s*-\s*\d{1,6}$/.exec(text);
  return dashed ? dashed[1]! : text;
}

/** Digits with a leading + kept: spaces, dashes, brackets and full-width forms dropped. */
function compactNumber(raw: string): string {
  return (
    raw
      .normalize('NFKC')
      // A VoLTE list's URI: tel:+8613900139000, sip:+8613900139000@ims…;user=phone.
      .replace(/^\s*(?:tel|sips?):([^@;]*)(?:[@;].*)?$/i, '$1')
      .replace(/[\s()\-.]/g, '')
  );
}

/** Carriers' IP call prefixes (移动 17951/12593, 联通 17911/10193, 电信 17901/17909), 飞信's 12520. */
const ipPrefixes = '17951|12593|17911|17901|17908|17909|10193|12520';

/**
 * An IP prefix or 移动 和多号's 12583 with the secondary number's digit (125831–125833) before a
 * number, its country code 86 or 0086 between them at times.
 */
const ipDialPrefixed = new RegExp(
  `^(?:${ipPrefixes}|12583[1-3])(?:0086|86)?(0?1[3-9]\\d{9}|0[1-9]\\d{8,10})$`,
);

/** The same IP prefixes before 00 and a country code (not 和多号's 12583x, no long distance). */
const ipDialAbroad = new RegExp(`^(?:${ipPrefixes})00([1-9]\\d{6,14})$`);

/**
 * A number as people type it in a form: CN mobile (a +86 / 0086 / 86 prefix is dropped),
 * CN landline with area code, an international number (+95 9…, 0095 9…), a 400/800 hotline
 * or a service number. A foreign supplier's number is as valid as a local one.
 */
export function parsePhone(raw: string): PhoneResult {
  const parsed = parseFarEnd(raw);
  if (!parsed.ok || parsed.type === 'unknown' || parsed.type === 'local')
    return { ok: false, problem: 'format' };
  return parsed;
}

/**
 * The far end of a call as carriers print it. Everything parsePhone takes, plus landlines
 * without area code (the area code given, when known, is put in front), SMS gateway numbers
 * and unknown digit strings (kept as printed, typed `unknown`). Empty or digit-free text is
 * refused.
 */
export function parseFarEnd(raw: string, areaCode?: string | null): PhoneResult {
  // #31# (or *31#) before a number hides the caller's number for that call: the number called.
  let compact = compactNumber(withoutExtension(raw)).replace(/^[*#]31#/, '');
  if (!/^\+?\d{3,20}$/.test(compact)) return { ok: false, problem: 'format' };
  // An international call dialled through an IP prefix (12593 00 95 9450123456, the cheap way
  // to call Myanmar or Laos): the foreign number, as its calls back print it.
  const abroad = ipDialAbroad.exec(compact);
  if (abroad) compact = `+${abroad[1]}`;
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  if (compact.startsWith('+86')) {
    compact = compact.slice(3);
    // +86 10 12345678: the area code's trunk 0 is dropped after the country code.
    if (!/^1[3-9]\d{9}$/.test(compact) && /^[1-9]\d{8,10}$/.test(compact)) compact = `0${compact}`;
    // The country code alone (0086, 86 with its 00): no number, as +86 alone is none.
    if (compact.length < 3) return { ok: false, problem: 'format' };
  } else if (compact.startsWith('+')) {
    return compact.length >= 8 && compact.length <= 16 && phoneCountry(compact)
      ? result(compact)
      : { ok: false, problem: 'format' };
  }
  // A foreign number printed without + or 00 (8562055512345, 959450123456): no CN number has 12
  // digits or more from 2–9 (a landline without its 0 has 11 at most), so a known country code
  // begins it. Read as dialled, it had been one more unknown number, apart from the same one
  // written +856….
  const foreign = `+${compact}`;
  if (
    /^[2-9]\d{11,14}$/.test(compact) &&
    (phoneCountry(foreign) ?? 'CN') !== 'CN' &&
    !trunkZeroAfterCode(foreign)
  )
    return result(foreign);
  if (elevenDigitForeign.test(compact)) return result(foreign);
  // An IP long-distance prefix dialled before the number (17951 13812345678, 12593 0871…), and a
  // mobile dialled with the long-distance 0 (013812345678): the number called.
  const dialled = ipDialPrefixed.exec(compact);
  if (dialled) compact = dialled[1]!;
  if (/^01[3-9]\d{9}$/.test(compact)) compact = compact.slice(1);
  // 86 without +: a mobile (13 digits) or a landline whose area code lost its 0.
  if (/^861[3-9]\d{9}$/.test(compact)) compact = compact.slice(2);
  // 86 before a landline with its trunk 0 (86 0871 65123456, as +86 0871… is printed without
  // its +): the landline, where the rest is one's length (010 and 02x with eight digits, 0xxx
  // with seven or eight).
  else if (/^860(?:(?:10|2\d)\d{8}|[3-9]\d{9,10})$/.test(compact)) compact = compact.slice(2);
  else if (/^86[1-9]\d{8,10}$/.test(compact) && !/^86[2-8]\d{6,7}$/.test(compact))
    compact = `0${compact.slice(2)}`;
  // A CN landline printed with its area code but without the trunk 0 (10 12345678) stays as is.
  if (/^[2-8]\d{6,7}$/.test(compact) && areaCode && /^0[1-9]\d{1,2}$/.test(areaCode))
    compact = `${areaCode}${compact}`;
  // A mobile number with digits missing or added is a typing error, not an unknown number.
  if (
    /^1[3-9]\d*$/.test(compact) &&
    ![3, 5, 11].includes(compact.length) &&
    !iotNumber.test(compact)
  )
    return { ok: false, problem: 'format' };
  return result(compact);
}

const provinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** Letters used on plates: no I or O. */
const letter = 'A-HJ-NP-Z';
const ordinaryPlate = new RegExp(
  `^[${provinces}][${letter}][${letter}0-9]{4}[${letter}0-9挂学警港澳]$`,
);
/** New-energy plates have 6 characters after the city letter, with D or F first (small) or last (large). */
const newEnergyPlate = new RegExp(
  `^[${provinces}][${letter}](?:[DF][${letter}0-9]\\d{4}|\\d{5}[DF])$`,
);

type PlateResult =
  { ok: true; value: string; newEnergy: boolean } | { ok: false; problem: 'format' };

/** 浙A·7M2Q8 → 浙A7M2Q8; refuses I and O, wrong lengths and unknown province characters. */
export function parsePlate(raw: string): PlateResult {
  const value = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s·•.-]/g, '');
  if (newEnergyPlate.test(value)) return { ok: true, value, newEnergy: true };
  if (ordinaryPlate.test(value)) return { ok: true, value, newEnergy: false };
  return { ok: false, problem: 'format' };
}
