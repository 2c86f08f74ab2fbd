/** What an import can bring in, and the columns each needs. */
export const importTemplates = ['persons', 'calls', 'transactions'] as const;
export type ImportTemplate = (typeof importTemplates)[number];

export interface ImportField {
  key: string;
  required: boolean;
  /** Header texts other systems use for this column, compared without spaces and case. */
  aliases: string[];
}

export const importFields: Record<ImportTemplate, ImportField[]> = {
  persons: [
    { key: 'name', required: true, aliases: ['姓名', '名字', 'name'] },
    { key: 'idNumber', required: false, aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码', 'idnumber', 'id'] },
    { key: 'gender', required: false, aliases: ['性别', 'gender', 'sex'] },
    { key: 'birthDate', required: false, aliases: ['出生日期', '生日', 'birthdate'] },
    { key: 'household', required: false, aliases: ['户籍地', '户籍地址', '户籍', 'household'] },
    { key: 'address', required: false, aliases: ['现住址', '住址', '居住地', 'address'] },
    { key: 'phone', required: false, aliases: ['手机号', '手机号码', '联系电话', '电话', 'phone'] },
    { key: 'aliases', required: false, aliases: ['绰号', '别名', '化名', 'aliases', 'alias'] },
  ],
  calls: [
    { key: 'caller', required: true, aliases: ['主叫号码', '主叫', '本机号码', '本方号码', 'caller', 'from'] },
    { key: 'callee', required: true, aliases: ['被叫号码', '被叫', '对方号码', '对端号码', 'callee', 'to'] },
    { key: 'startedAt', required: true, aliases: ['通话时间', '开始时间', '通话开始时间', '呼叫时间', '起始时间', 'starttime', 'time'] },
    { key: 'duration', required: true, aliases: ['通话时长', '时长', '通话时长(秒)', '时长(秒)', 'duration'] },
    { key: 'baseStation', required: false, aliases: ['基站', '基站号', '基站编号', 'lac-ci', 'lacci', '位置区', 'cell', 'basestation'] },
  ],
  transactions: [
    { key: 'fromAccount', required: true, aliases: ['交易账号', '付款账号', '转出账号', '本方账号', '付款方账号', 'from', 'fromaccount'] },
    { key: 'toAccount', required: true, aliases: ['对手账号', '收款账号', '转入账号', '对方账号', '收款方账号', 'to', 'toaccount'] },
    { key: 'at', required: true, aliases: ['交易时间', '交易日期', '时间', 'time', 'at'] },
    { key: 'amount', required: true, aliases: ['交易金额', '金额', '金额(元)', 'amount'] },
    { key: 'channel', required: false, aliases: ['交易渠道', '渠道', '交易方式', '支付方式', 'channel'] },
  ],
}; // prettier-ignore

/** A header as compared with aliases: no spaces, no full-width brackets, lower case. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
