import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A bank system's error page saved as the statement (a tester's html_notable.xls: 系统错误：查询超时
 * and no table) had been refused as a file without data rows; it is said to be a page, quoting it.
 */

const { core } = previewsOnNewWorkspace();

const preview = (fileName: string, bytes: Buffer, template: 'calls' | 'transactions') =>
  core().call('import.preview', { fileName, contentBase64: bytes.toString('base64'), template });

describe('a web page without a table', () => {
  it('is refused as a page, its words quoted', async () => {
    const page = fs.readFileSync(
      path.join(import.meta.dirname, '../fixtures/records/bank-system-error-page.xls'),
    );
    for (const template of ['transactions', 'calls'] as const)
      expect(await preview('流水.xls', page, template)).toMatchObject({
        ok: false,
        error: { code: 'import.webPage', details: { text: '系统错误：查询超时' } },
      });
  });

  it('quotes the first 60 characters of its text, not its title, script or tags', async () => {
    const long = `<!DOCTYPE html><html><head><title>网银</title><script>var a = "<b>";</script></head><body><div>会话已过期&nbsp;&#65306;</div><p>${'请重新登录'.repeat(20)}</p></body></html>`;
    expect(await preview('流水.html', Buffer.from(long), 'transactions')).toMatchObject({
      ok: false,
      error: {
        code: 'import.webPage',
        details: { text: `会话已过期 ： ${'请重新登录'.repeat(20)}`.slice(0, 60) + '…' },
      },
    });
  });
});
