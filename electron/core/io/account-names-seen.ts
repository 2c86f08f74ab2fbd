/**
 * A person's name as statements print a holder's 户名: two to four Chinese characters, or two
 * parts joined by a middle dot (阿卜杜·热合曼); no company word, no masking star.
 */
const personShape = /^(?:[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]+·[\u3400-\u9fff]+)$/;
/** Short names of shops and institutions (某烟酒店, 支付宝, 财付通, 农业银行): no one's own. */
const organisationWord = /店|公司|银行|支付|财付通|宝$|商|中心|[行社厂部局所院馆场处站]$/;
const isPersonName = (name: string) => personShape.test(name) && !organisationWord.test(name);

/**
 * Each account's holder as a file first names it, and the name seen first where a later row
 * names another person (王五 then 赵六 on 6222…): one account is one person's, so the two rows
 * are two accounts printed alike (Excel's cut numbers) or one is wrong; either way not one
 * account to merge silently under the first name. Only two people's names are compared: a
 * company's (支付宝（中国）网络技术有限公司 beside 支付宝) may be written short.
 */
export function accountNamesSeen() {
  const first = new Map<string, string>();
  const bare = (name: string | null) => name?.replace(/\s+/g, '') ?? '';
  return {
    /** The person named first for the account where `name` is another person; else null. */
    other(account: string | null, name: string | null): string | null {
      const named = bare(name);
      if (!account || !isPersonName(named)) return null;
      const seen = first.get(account);
      return seen !== undefined && seen !== named ? seen : null;
    },
    /** Notes the account's name, where it is a person's and the first one given. */
    note(account: string | null, name: string | null): void {
      const named = bare(name);
      if (account && isPersonName(named) && !first.has(account)) first.set(account, named);
    },
  };
}
