/** An account number: 8 or more digits, grouped by spaces or dashes or not. */
const number = String.raw`\d[\d -]{6,}\d`;
/** A name: no digits, no separators, a Chinese character in it (FTN12345678 is an account). */
const name = String.raw`[^\d/／、|,，;；:：()（）[\]【】]*[\u3400-\u9fff][^\d/／、|,，;；:：()（）[\]【】]*`;
const separator = String.raw`\s*(?:[/／、|,，;；:：-]\s*)?`;
const numberFirst = new RegExp(
  String.raw`^(${number})${separator}(?:(${name})|[(（[【]\s*(${name})\s*[)）\]】])$`,
);
const nameFirst = new RegExp(
  String.raw`^(${name})${separator}(?:(${number})|[(（[【]\s*(${number})\s*[)）\]】])$`,
);

/**
 * A cell holding an account and its holder's name together, either first, apart by a slash, a
 * 、, a space or brackets (6217…601/韩某, 韩某/6217…601, 韩某(6217…601), 6230…602 尤某): the
 * account, without its grouping, and the name. Null for anything else, a name alone included.
 */
export function accountWithName(text: string): { account: string; name: string } | null {
  const trimmed = text.trim();
  const first = numberFirst.exec(trimmed);
  const found = first
    ? { account: first[1]!, name: first[2] ?? first[3]! }
    : ((match) => match && { account: match[2] ?? match[3]!, name: match[1]! })(
        nameFirst.exec(trimmed),
      );
  if (!found) return null;
  const holder = found.name.trim();
  return holder ? { account: found.account.replace(/[ -]/g, ''), name: holder } : null;
}
