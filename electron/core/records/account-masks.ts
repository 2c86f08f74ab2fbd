/** The digits a masked account shows: 6222****0011 → 6222 and 0011. */
const maskedNumber = /(\d{3,})[*＊]+(\d{3,})/;

/** Whether an account number is masked (6222****0011): no account's full number. */
export const isMasked = (accountNo: string): boolean => /[*＊]/.test(accountNo);

/** Whether a masked name (张*, *三, 张三) may be the holder's name. */
function nameFits(masked: string | null, holder: string | null): boolean {
  const shown = masked?.replace(/\s+/g, '') ?? '';
  const name = holder?.replace(/\s+/g, '') ?? '';
  if (!shown || !name) return true;
  if (!/[*＊]/.test(shown)) return shown === name;
  const [first, last] = [shown[0]!, shown[shown.length - 1]!];
  return (
    (/[*＊]/.test(first) || name.startsWith(first)) && (/[*＊]/.test(last) || name.endsWith(last))
  );
}

/**
 * Whether a masked counterpart (6222****0011 张*) may be this account: its full number starts
 * and ends with the digits shown, and the holder's name fits the name shown. Null where the
 * counterpart is no mask.
 */
export function maskFitter(
  masked: string | null,
  maskedName: string | null,
): ((accountNo: string, holder: string | null) => boolean) | null {
  const mask = masked ? maskedNumber.exec(masked) : null;
  if (!mask) return null;
  const [, head, tail] = mask as unknown as [string, string, string];
  return (accountNo, holder) =>
    !isMasked(accountNo) &&
    accountNo.length > head.length + tail.length &&
    accountNo.startsWith(head) &&
    accountNo.endsWith(tail) &&
    nameFits(maskedName, holder);
}
