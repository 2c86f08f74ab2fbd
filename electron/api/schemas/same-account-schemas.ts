import * as z from 'zod';

/**
 * A WeChat bill whose owner it names by a nickname alone and a 财付通 account (a 调证's 用户ID)
 * holding the same payments: the 交易单号 both hold with the money going the same way, and
 * those the account holds the other way only (there it was the owner's counterpart). Or, with
 * `party`, a counterpart such a bill names by name alone (老周) and the 调证 account its shared
 * 交易单号 all name; `nicknameAccountId` is then that party's account, the one to merge.
 */
const sameAccountSchema = z.object({
  nicknameAccountId: z.string(),
  nickname: z.string(),
  party: z.string().nullable(),
  accountId: z.string(),
  accountNo: z.string(),
  shared: z.number().int(),
  opposite: z.number().int(),
});
export type SameAccount = z.infer<typeof sameAccountSchema>;

/**
 * What the 交易单号 say of the nickname bills an import touches: the 财付通 account each bill is
 * (one account holds its payments on the owner's side, none the other way: a merge to suggest),
 * and bills they do not settle (two accounts hold its payments, or one holds some the other
 * way), each with every such account.
 */
export const sameAccountsSchema = z.object({
  ties: z.array(sameAccountSchema),
  unsettled: z.array(z.array(sameAccountSchema)),
});
export type SameAccounts = z.infer<typeof sameAccountsSchema>;
