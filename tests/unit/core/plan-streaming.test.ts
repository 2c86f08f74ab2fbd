import { describe, expect, it } from 'vitest';
import { planImport, startPlan } from '../../../electron/core/io/import-plan';
import type { TableRow } from '../../../electron/core/io/table-file';

const row = (line: number, ...cells: string[]): TableRow => ({ line, cells });

describe('a call list planned row by row as it is read', () => {
  it('finds a header below 30 lines of notes, and keeps only the rejected rows', () => {
    const notes = Array.from({ length: 30 }, (_, index) => row(index + 1, `说明第${index + 1}行`));
    const data = Array.from({ length: 100 }, (_, index) =>
      row(
        32 + index,
        '13987654321',
        index === 57 ? '不是号码' : `1380000${String(index).padStart(4, '0')}`,
        index % 2 ? '被叫' : '主叫',
        `2026-03-05 10:${String(index % 60).padStart(2, '0')}:00`,
        '60',
      ),
    );
    const rows = [
      ...notes,
      row(31, '本机号码', '对方号码', '呼叫类型', '开始时间', '通话时长'),
      ...data,
    ];
    const planner = startPlan('calls');
    for (const item of rows) planner.take(item);
    const plan = planner.finish();
    expect(plan.headerLine).toBe(31);
    expect(plan.rowCount).toBe(100);
    expect(plan.data.records.length).toBe(99);
    expect(plan.problems.map((problem) => [problem.line, problem.field])).toEqual([
      [89, 'counterpart'],
    ]);
    expect(plan.rows).toEqual([data[57]]);
    // The same plan as from the whole table.
    expect(planImport({ format: 'csv', encoding: 'utf8', rows }, 'calls')).toEqual(plan);
  });

  it('says "no data rows" before "columns not mapped", and "not mapped" once data rows come', () => {
    const onlyHeader = startPlan('calls');
    onlyHeader.take(row(1, '甲', '乙'));
    expect(() => onlyHeader.finish()).toThrow(expect.objectContaining({ code: 'import.empty' }));
    // The header is looked for among the first 40 rows: the data rows held until then are
    // checked at the 40th, and the mapping refused there.
    const unmapped = startPlan('calls');
    for (let line = 1; line < 40; line += 1) unmapped.take(row(line, '甲', '乙'));
    expect(() => unmapped.take(row(40, '1', '2'))).toThrow(
      expect.objectContaining({ code: 'import.missingColumns' }),
    );
  });
});
