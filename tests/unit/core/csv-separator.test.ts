import { describe, expect, it } from 'vitest';
import { forEachCsvRow } from '../../../electron/core/io/csv-rows';
import { detectSeparator } from '../../../electron/core/io/csv-separator';

const limits = { maxColumns: 500, maxRows: 1_000 };
function rows(text: string, separator: ',' | '\t' | ';' | '|') {
  const read: string[][] = [];
  forEachCsvRow(text, limits, (row) => read.push(row.cells), {}, separator);
  return read;
}

describe('the separator of a delimited text file', () => {
  it('is found from the lines that agree, not from a preamble or the cells', () => {
    expect(detectSeparator('本机号码,对方号码,开始时间\n139,10086,2026-04-01\n')).toBe(',');
    expect(detectSeparator('本机号码\t对方号码\t开始时间\n139\t10086\t2026-04-01\n')).toBe('\t');
    expect(detectSeparator('交易卡号;交易金额;摘要\n6222;1,000.00;转账\n6222;20;ATM\n')).toBe(';');
    expect(detectSeparator('交易卡号|交易金额|摘要\n6222|1,000.00|转账\n')).toBe('|');
    // A bank's preamble above a tab-separated table; commas inside its 摘要 cells.
    expect(
      detectSeparator(
        '账户明细查询\n户名：张某, 卡号：6222\n卡号\t金额\t摘要\n6222\t1,000.00\t货款, 已付\n6222\t20.00\t取现\n6222\t5.00\t手续费,短信\n',
      ),
    ).toBe('\t');
    // A quote inside a cell is data: it opens nothing (the commas after it count).
    expect(detectSeparator('a,b,c\n含"引号,2,3\n4,5,6"\n7,8,9\n')).toBe(',');
    expect(detectSeparator('a\tb\tc\n6"屏\t2,5\t3\n4\t5\t6\n7\t8,1\t9\n')).toBe('\t');
    expect(
      detectSeparator(
        '说明,来自,系统\n日期;金额;备注\n2026-01-01;6"屏;x\n2026-01-02;5;y\n2026-01-03;4;z\n',
      ),
    ).toBe(';');
    // Commas inside quoted cells of a tab-separated file do not count.
    expect(detectSeparator('a\tb\tc\n"1,2,3"\t"4,5"\t6\n"7,8"\t9\t"1,0,1"\n')).toBe('\t');
    // A WeChat bill: commas between cells, a tab at the end of some (order numbers).
    expect(
      detectSeparator(
        '微信支付账单明细,,,,\n交易时间,交易类型,交易对方,金额(元),交易单号\n2026-04-01 10:00:00,转账,李某,¥200.00,4200001\t\n2026-04-02 11:00:00,转账,王某,¥50.00,4200002\t\n',
      ),
    ).toBe(',');
    // One column, or nothing: commas (the reader's default).
    expect(detectSeparator('号码\n13987654321\n')).toBe(',');
    expect(detectSeparator('')).toBe(',');
  });

  it('separates the cells, keeps empty ones, and leaves tabs in cells when commas separate', () => {
    expect(rows('a\t\tb\n\t"x\ty"\t z \n', '\t')).toEqual([
      ['a', '', 'b'],
      ['', 'x\ty', 'z'],
    ]);
    expect(rows('a|"b|c"|"d ""e"""\n', '|')).toEqual([['a', 'b|c', 'd "e"']]);
    expect(rows('a;b,c;d\n', ';')).toEqual([['a', 'b,c', 'd']]);
    // Cells kept as text for Excel: ="…" (also quoted, quotes doubled), '…' before a number.
    expect(rows('="6222020200000000000",\'13812345678,"=""0871"""\n', ',')).toEqual([
      ['6222020200000000000', '13812345678', '0871'],
    ]);
    expect(rows('="a""b",\'abc,=SUM(A1),\'+86 138\n', ',')).toEqual([
      ['a"b', "'abc", '=SUM(A1)', '+86 138'],
    ]);
    // With commas separating, tabs before an opening quote are skipped, as before.
    expect(rows('a,\t"b,c"\n4200001\t,x\n', ',')).toEqual([
      ['a', 'b,c'],
      ['4200001', 'x'],
    ]);
  });
});
