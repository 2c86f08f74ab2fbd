/**
 * 案件编号 in the two forms units use: the system number (A + digits, e.g. A3301052026030015,
 * letters, digits and dashes) and the document number printed on a 立案决定书
 * (滨公（禁）立字〔2026〕15号). People type the brackets of a document number every way a
 * keyboard allows — (禁) or （禁）, [2026] or 【2026】 or 〔2026〕 — and with stray spaces, so a
 * number is stored in one form: full-width parentheses, 〔〕 around the year, no spaces,
 * ASCII digits, upper-case letters. Two spellings of one number are then the same number.
 */

/** Any bracket pair a year is typed in, opening and closing. */
const yearOpen = '[［【〔﹝〖(（';
const yearClose = ']］】〕﹞〗)）';

/** Full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ) and the full-width dash → ASCII. */
function halfWidth(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[－—–‐]/g, '-');
}

/** The stored form of a case number as typed (see the module comment). */
export function normaliseCaseNo(typed: string): string {
  const compact = halfWidth(typed).replace(/[\s\u3000]+/g, '');
  const year = new RegExp(`[${escape(yearOpen)}]((?:19|20)\\d{2})[${escape(yearClose)}]`, 'g');
  return compact.replace(year, '〔$1〕').replace(/\(/g, '（').replace(/\)/g, '）').toUpperCase();
}

function escape(chars: string): string {
  return chars.replace(/[\]\\[^-]/g, '\\$&');
}

/** The system form: letters, digits and dashes (A + 22 digits, A3301052026030015, A3301-S01). */
const systemForm = /^[A-Z0-9-]{3,40}$/;
/**
 * The document form: an issuing office's abbreviation in Chinese (parenthesised parts allowed),
 * the year in 〔〕 and a serial number with 号: 滨公（禁）立字〔2026〕15号.
 */
const documentForm = /^[\u4e00-\u9fff][\u4e00-\u9fff（）A-Z0-9]{0,24}〔(?:19|20)\d{2}〕\d{1,6}号$/;

/** Whether a normalised number is in one of the two accepted forms. */
export function isCaseNo(normalised: string): boolean {
  return systemForm.test(normalised) || documentForm.test(normalised);
}
