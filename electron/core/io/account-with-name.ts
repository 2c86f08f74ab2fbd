/** An account number: 8 or more digits, grouped by spaces or dashes or not. */
const number = String.raw`\d[\d -]{6,}\d`;
/** A name: no digits, no separators, a Chinese character in it (FTN12345678 is an account). */
const name = String.raw`[^\d/／、|,，;；:：()（）[\]【】]*[\u3400-\u9fff][^\d/／、|,，;；:：()（）[\]【】]*`;
/**
 * A name in Latin letters (a Myanmar or Lao counterparty: AUNG KYAW, Somchai S.): two words at
 * least, so a terminal's or a channel's word (POS 12345678, ATM/…) is no holder, and only apart
 * from the number by a separator or brackets, so a code run into its digits (FTN12345678)
 * stays an account.
 */
const latinName = String.raw`[A-Za-z][A-Za-z.'·-]*(?:\s+[A-Za-z][A-Za-z.'·-]*)+`;
const separator = String.raw`\s*(?:[/／、|,，;；:：-]\s*)?`;
const apart = String.raw`(?:\s*[/／、|,，;；:：]\s*|\s+)`;
const inBrackets = (part: string) => String.raw`\s*[(（[【]\s*(${part})\s*[)）\]】]`;
const numberFirst = new RegExp(
  String.raw`^(${number})(?:${separator}(${name})|${inBrackets(name)}|${apart}(${latinName})|${inBrackets(latinName)})$`,
);
const nameFirst = new RegExp(
  String.raw`^(?:(${name})${separator}|(${latinName})${apart})(?:(${number})|${inBrackets(number)})$`,
);

/**
 * A cell holding an account and its holder's name together, either first, apart by a slash, a
 * 、, a space or brackets (6217…601/韩某, 韩某/6217…601, 韩某(6217…601), 6230…602 尤某,
 * AUNG KYAW/6217…): the account, without its grouping, and the name. Null for anything else, a
 * name alone included.
 */
export function accountWithName(text: string): { account: string; name: string } | null {
  const trimmed = text.trim();
  const first = numberFirst.exec(trimmed);
  const last = first ? null : nameFirst.exec(trimmed);
  const found = first
    ? { account: first[1]!, name: first[2] ?? first[3] ?? first[4] ?? first[5]! }
    : last && { account: last[3] ?? last[4]!, name: last[1] ?? last[2]! };
  if (!found) return null;
  const holder = found.name.trim();
  return holder ? { account: found.account.replace(/[ -]/g, ''), name: holder } : null;
}
