import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionName, describeAudit } from '../../electron/api/audit-describe';
import { auditActions, auditGroupOf } from '../../electron/api/domain/audit-actions';
import { en } from '../../electron/api/i18n/en';
import { zhCN } from '../../electron/api/i18n/zh-CN';

const core = path.resolve(import.meta.dirname, '../../electron/core');

/** Every `action: '…'` written in core (both branches of a conditional too, `kind ?` or `a.b === 'x' ?`), and unlock's. */
function writtenActions(): Set<string> {
  const found = new Set<string>(['session.unlocked', 'session.recovered']);
  for (const file of fs.readdirSync(core, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const text = fs.readFileSync(path.join(core, file), 'utf8');
    for (const line of text.split('\n'))
      if (/\baction:\s*(kind|'|\w+\s*\?|[\w.]+\s*===)/.test(line))
        for (const match of line.matchAll(/'([a-z]+\.[a-zA-Z]+)'/g)) found.add(match[1]!);
  }
  return found;
}

const row = (action: string, details: Record<string, unknown> | null, extra = {}) => ({
  action,
  result: 'ok' as const,
  details,
  caseNo: null,
  subject: null,
  ...extra,
});

describe('audit log in words', () => {
  it('lists every action core writes, each in one kind', () => {
    const written = [...writtenActions()].sort();
    expect(written.length).toBeGreaterThan(60);
    expect(written.filter((action) => !auditActions.includes(action as never))).toEqual([]);
    expect(auditActions.filter((action) => auditGroupOf(action) === null)).toEqual([]);
  });

  it('names every action and every kind in Chinese and in English', () => {
    for (const action of auditActions) {
      expect([action, auditActionName(action, 'zh-CN')]).toEqual([action, expect.any(String)]);
      expect([action, auditActionName(action, 'en')]).toEqual([action, expect.any(String)]);
      expect(auditActionName(action, 'zh-CN')).not.toMatch(/[a-z]+\.[a-zA-Z]+/);
    }
    expect(Object.keys(en.auditLog.groups)).toEqual(Object.keys(zhCN.auditLog.groups));
  });

  it('says what an import, a status change, a seizure and a refusal were, without codes', () => {
    const imported = row('import.completed', {
      template: 'calls',
      fileName: 'call_records.csv',
      rows: 1203,
      rejectedRows: 4,
    });
    expect(describeAudit(imported, 'zh-CN')).toEqual({
      action: '导入数据',
      summary: '导入话单（通话记录） call_records.csv：导入 1,203 行，拒绝 4 行',
    });
    expect(describeAudit(imported, 'en')).toEqual({
      action: 'Data imported',
      summary: 'Imported Call records call_records.csv: 1,203 rows imported, 4 rejected',
    });
    expect(
      describeAudit(
        row('cases.statusChanged', { from: 'investigating', to: 'solved' }, { caseNo: 'A1' }),
        'zh-CN',
      ).summary,
    ).toBe('案件 A1 由“侦查”转为“破案”');
    expect(
      describeAudit(
        row(
          'seizures.created',
          { drugType: 'tramadol_tablets', quantity: '1000 tablet' },
          {
            caseNo: 'A1',
          },
        ),
        'zh-CN',
      ).summary,
    ).toBe('案件 A1 登记缴获曲马多片（标准规格药品） 1000片');
    expect(
      describeAudit({ ...row('backup.create', { role: 'viewer' }), result: 'denied' }, 'zh-CN'),
    ).toEqual({
      action: 'backup.create',
      summary: '无权执行的操作被拒绝：backup.create（角色：查阅员）',
    });
    const briefing = row('briefing.exported', { format: 'pdf' }, { caseNo: 'A1' });
    expect(describeAudit(briefing, 'zh-CN')).toEqual({
      action: '导出案件简报',
      summary: '导出案件 A1 的简报（PDF）',
    });
    expect(describeAudit(briefing, 'en').summary).toBe('Exported the briefing of case A1 (PDF)');
    // No sentence of its own: the case it concerned.
    expect(describeAudit(row('relations.updated', {}, { caseNo: 'A1' }), 'zh-CN')).toEqual({
      action: '修改关系',
      summary: '（案件 A1）',
    });
  });
});
