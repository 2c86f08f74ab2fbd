import { describe, expect, it } from 'vitest';
import { namesInstitution } from '../../../electron/core/analytics/payment-institutions';

describe('payment institutions by name', () => {
  it('a person whose name holds 连连, 宝付, 汇付, 快钱, 和包 or 银联 is no institution', () => {
    expect(
      ['王连连', '刘宝付', '张汇付', '李快钱', '周和包', '赵银联', '欧阳连连', '阿卜杜·宝付'].map(
        namesInstitution,
      ),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('an institution by its registered name, its short name alone, or a clearing account is one', () => {
    expect(
      [
        '连连银通电子支付有限公司',
        '宝付网络科技（上海）有限公司',
        '上海汇付数据服务有限公司',
        '快钱支付清算信息有限公司',
        '中国移动和包支付',
        '支付宝（中国）网络技术有限公司',
        '财付通',
        '银联',
        '连连',
        '网联清算有限公司',
        '待清算款项',
        '个人存款内部户',
        '财付通 1000050101',
      ].map(namesInstitution),
    ).toEqual(new Array(13).fill(true));
  });

  it('an account named by a person alone in brackets is that person', () => {
    expect(namesInstitution('王连连（6222600000000000501对方）')).toBe(false);
  });
});
