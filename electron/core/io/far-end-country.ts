/**
 * How many digits a number has after its country's calling code (the national significant
 * number, as the ITU's numbering plans give it), for the countries `roamingCountryCode` names.
 */
const nationalLengths: Record<string, [number, number]> = {
  '95': [7, 10], '856': [8, 10], '84': [9, 10], '855': [8, 9], '66': [8, 9], '60': [8, 10],
  '65': [8, 8], '62': [8, 12], '63': [8, 10], '91': [10, 10], '92': [9, 10], '977': [8, 10],
  '880': [10, 10], '93': [9, 9], '852': [8, 8], '853': [8, 8], '886': [8, 9], '81': [9, 10],
  '82': [8, 10], '976': [8, 8], '7': [10, 10], '996': [9, 9], '992': [9, 9], '998': [9, 9],
  '971': [8, 9], '90': [10, 10], '1': [10, 10], '44': [10, 10], '33': [9, 9], '49': [10, 11],
  '61': [9, 9],
}; // prettier-ignore

/**
 * A far end the row's 对方归属地 places in another country (泰国, 缅甸), printed without + or 00
 * and read as no CN number (66812345678, 9595123456): that country's number in E.164 when its
 * digits begin with the country's code and leave a number of a length the country uses; else
 * null. The digits alone could be a CN landline without its 0 (0668 is 茂名's code), which is
 * why only the row's own word for the country decides.
 */
export function numberOfNamedCountry(digits: string, countryCode: string): string | null {
  const lengths = nationalLengths[countryCode];
  if (!lengths || !/^\d+$/.test(digits) || !digits.startsWith(countryCode)) return null;
  const national = digits.length - countryCode.length;
  return national >= lengths[0] && national <= lengths[1] ? `+${digits}` : null;
}
