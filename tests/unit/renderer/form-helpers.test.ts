import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { personDistinction } from '../../../renderer/src/components/person-distinction';
import { suggestedBackupFolder } from '../../../renderer/src/features/settings/backup-folder';
import { zhCN } from '../../../electron/api/i18n/zh-CN';

/** Looks keys up in the Chinese resources, with {{name}} replaced, as i18next does. */
const t = ((key: string, values: Record<string, unknown> = {}) => {
  let node: unknown = zhCN;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return String(node).replace(/\{\{(\w+)\}\}/g, (_all, name: string) => String(values[name]));
}) as unknown as TFunction;

describe('what tells two persons of one name apart', () => {
  it('masks the ID number and adds birth year, 户籍地 and role', () => {
    expect(
      personDistinction(
        {
          idNumber: '11010519491231002X',
          birthDate: '1949-12-31',
          household: '云南省临沧市',
          roleInCase: 'suspect',
        },
        t,
      ),
    ).toBe('1101**********002X · 1949年生 · 云南省临沧市 · 犯罪嫌疑人');
    expect(personDistinction({ birthYear: 1988 }, t)).toBe('无身份证号 · 1988年生');
  });
});

describe('the suggested backup folder', () => {
  it('sits beside the workspace folder, in the path style of the system', () => {
    expect(suggestedBackupFolder('/home/chen/Documents/Quanlian/禁毒大队/')).toBe(
      '/home/chen/Documents/Quanlian/禁毒大队-备份',
    );
    expect(suggestedBackupFolder('D:\\Quanlian\\禁毒大队')).toBe('D:\\Quanlian\\禁毒大队-备份');
  });
});
