import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../electron/api/error-codes';
import { en } from '../../electron/api/i18n/en';
import { zhCN } from '../../electron/api/i18n/zh-CN';

function lookup(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

describe('translations', () => {
  it.each(errorCodes)('error code %s has a Chinese and an English message', (code) => {
    expect(typeof lookup(zhCN.errors, code)).toBe('string');
    expect(typeof lookup(en.errors, code)).toBe('string');
  });

  it('Chinese strings are Chinese', () => {
    expect(zhCN.nav).toEqual({
      cases: '案件',
      entities: '实体',
      graph: '关系图',
      seizures: '缴获',
      import: '导入',
      briefings: '简报',
      statistics: '统计',
      map: '地图',
      audit: '审计',
      settings: '设置',
    });
  });
});
