/**
 * The keys a handset and a SIM are stored and searched by: one per IMEI or MEID however a list
 * prints it (14, 15 or 16 digits, hex, decimal MEID, dashes), one per IMSI. The import writes
 * them (phone_identifiers) and the search reads a query with the same functions, so an IMEI
 * typed in any of its forms finds the phones that used it.
 */

/**
 * IMEI: the 14 digits naming the handset (the 15th is a check digit, IMEISV adds two more); a
 * CDMA handset's MEID (China Telecom's 3G phones): 14 hexadecimal digits, A0000012345678.
 * Null for what names no handset.
 */
export function handsetKey(text: string): string | null {
  const meid = /^\s*([0-9a-f]{14})[0-9a-f]?\s*$/i.exec(text);
  if (meid && /[a-f]/i.test(meid[1]!)) return handset(meid[1]!.toUpperCase());
  const digits = text.replace(/\D/g, '');
  // A MEID in decimal (18 digits: the manufacturer's 10, the serial's 8) is the hex one.
  if (digits.length === 18)
    return handset(
      Number(digits.slice(0, 10)).toString(16).padStart(8, '0').toUpperCase() +
        Number(digits.slice(10)).toString(16).padStart(6, '0').toUpperCase(),
    );
  // 14 (no check digit), 15 (IMEI) or 16 (IMEISV) digits; 17 are none of them.
  return digits.length >= 14 && digits.length <= 16 ? handset(digits.slice(0, 14)) : null;
}

/**
 * An IMEI or MEID that names no handset: what a carrier or a clone phone writes where it has
 * none (000000…, FFFFFF…, 123456789012345), and the test range (reporting body 00). Kept, it
 * had linked every phone showing it as one handset's SIMs.
 */
function handset(key: string): string | null {
  // A serial of zeros (35-000000-000000-0) or a type code of its body's two digits and zeros
  // (35000000…) is a placeholder too: two strangers' lists showing it had been one handset.
  return /^(.)\1+$/.test(key) ||
    /^00/.test(key) ||
    /^(?:0?123456789)/.test(key) ||
    /0{6}$/.test(key) ||
    /^\d{2}0{6}/.test(key)
    ? null
    : key;
}

/** An IMSI as lists print it (IMSI:460001234567802, 460 00 1234567803): its 15 digits. */
export function imsiOf(text: string): string | null {
  if (!text) return null;
  const digits = /^\d{15}$/.test(text) ? text : text.replace(/\D/g, '');
  return digits.length === 15 && !/^(.)\1+$/.test(digits) ? digits : null;
}
