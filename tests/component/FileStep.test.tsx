import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileStep } from '../../renderer/src/features/import/FileStep';
import {
  initialWizard,
  unmappedPreview,
  type WizardState,
} from '../../renderer/src/features/import/import-wizard';
import { installFakeBridge, Providers } from './fake-bridge';

beforeEach(() => installFakeBridge({}));

/** The first step again, after a preview said what the file is (a WeChat bill, an Alipay one). */
const step = (ownAccount: string, platform: 'wechat' | 'alipay') => {
  const preview = {
    ...unmappedPreview({ headers: ['交易时间'], headerLine: 5 }, 'bill.csv', 'auto')!,
    platform,
  };
  const state: WizardState = {
    ...initialWizard,
    template: 'transactions',
    file: { name: 'bill.csv', contentBase64: 'MQ==' },
    ownAccount,
    preview,
  };
  return (
    <Providers>
      <FileStep state={state} dispatch={() => undefined} onNext={() => undefined} />
    </Providers>
  );
};

const said = () =>
  [...document.querySelectorAll('.ant-form-item-explain-error')].map((node) => node.textContent);

describe('the own account of a WeChat bill', () => {
  it('is checked as a WeChat ID: a nickname is said to be none, and the next step waits', () => {
    const { rerender } = render(step('老王', 'wechat'));
    expect(said()).toEqual([
      '本方账户“老王”不是微信号，未导入：微信账单的本方账户应填微信号（6–20 位，字母开头，可含字母、数字、下划线和减号；或 wxid_ 开头），老账号也可以是 QQ 号或手机号。昵称和姓名不是微信号，不知道微信号时请留空。',
    ]);
    expect(screen.getByTestId('import-next')).toBeDisabled();
    // A WeChat ID the user chose, an old account's QQ number: taken.
    for (const id of ['laowang_1988', 'wxid_4k2j9x8p0q1w', '88661234']) {
      rerender(step(id, 'wechat'));
      expect(said()).toEqual([]);
      expect(screen.getByTestId('import-next')).toBeEnabled();
    }
    // Another platform's account is no WeChat ID to check.
    rerender(step('lh1983@alipay.com', 'alipay'));
    expect(said()).toEqual([]);
  });
});
