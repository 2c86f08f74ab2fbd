import type { SameAccounts } from '../schemas/same-account-schemas';

/** One same-account text to put in words: its key in the import catalogue and its values. */
type SameAccountLine =
  | { key: 'sameAccountTie'; values: { nickname: string; account: string; shared: string } }
  | {
      key: 'sameAccountPartyTie';
      values: { nickname: string; party: string; account: string; shared: string };
    }
  | { key: 'sameAccountMerge'; values: Record<string, never> }
  | { key: 'sameAccountUnsettled'; values: { nickname: string; accounts: string } }
  | {
      key: 'sameAccountPartyUnsettled';
      values: { nickname: string; party: string; accounts: string };
    }
  | { key: 'sameAccountHolder'; values: { account: string; shared: string } }
  | { key: 'sameAccountOpposite'; values: { opposite: string } };

/**
 * What the 交易单号 say of nickname bills, in words: per tie "昵称 阿龙 的账单即 财付通账户
 * wxid_along01：共同交易单号 4 笔。" (of a counterpart named alone: "昵称 阿龙 的账单中的交易对方
 * 老周 即 …") and, where `withMerge`, the merge suggested; per unsettled
 * bill the accounts that leave it so. `say` fills the import text of that key (the CLI's
 * catalogue, the window's i18next) in that language.
 */
export function sameAccountTexts(
  found: SameAccounts,
  say: (line: SameAccountLine) => string,
  lang: 'zh' | 'en',
  withMerge = true,
): string[] {
  const [gap, join] = lang === 'en' ? [' ', '; '] : ['', '；'];
  return [
    ...found.ties.map(
      (tie) =>
        say(
          tie.party === null
            ? {
                key: 'sameAccountTie',
                values: {
                  nickname: tie.nickname,
                  account: tie.accountNo,
                  shared: String(tie.shared),
                },
              }
            : {
                key: 'sameAccountPartyTie',
                values: {
                  nickname: tie.nickname,
                  party: tie.party,
                  account: tie.accountNo,
                  shared: String(tie.shared),
                },
              },
        ) + (withMerge ? gap + say({ key: 'sameAccountMerge', values: {} }) : ''),
    ),
    ...found.unsettled.map((holders) => {
      const accounts = holders
        .map(
          (holder) =>
            say({
              key: 'sameAccountHolder',
              values: { account: holder.accountNo, shared: String(holder.shared) },
            }) +
            (holder.opposite
              ? say({
                  key: 'sameAccountOpposite',
                  values: { opposite: String(holder.opposite) },
                })
              : ''),
        )
        .join(join);
      const { nickname, party } = holders[0]!;
      return say(
        party === null
          ? { key: 'sameAccountUnsettled', values: { nickname, accounts } }
          : { key: 'sameAccountPartyUnsettled', values: { nickname, party, accounts } },
      );
    }),
  ];
}
