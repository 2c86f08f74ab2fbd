import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Net, Protocol } from 'electron';
import { describe, expect, it } from 'vitest';
import { resolveAppFile, serveRenderer } from '../../electron/main/app-protocol';
import { contentSecurityPolicy } from '../../electron/main/content-security-policy';

const root = path.join(os.tmpdir(), 'renderer-root');

describe('app:// protocol', () => {
  it.each([
    ['app://quanlian/', path.join(root, 'index.html')],
    ['app://quanlian/index.html', path.join(root, 'index.html')],
    ['app://quanlian/assets/index-abc.js?v=1', path.join(root, 'assets/index-abc.js')],
    ['app://quanlian/../../etc/passwd', path.join(root, 'etc/passwd')],
    ['app://quanlian/%2e%2e/%2e%2e/etc/passwd', path.join(root, 'etc/passwd')],
  ])('maps %s inside the renderer folder', (url, file) => {
    expect(resolveAppFile(root, url)).toBe(file);
  });

  it.each([
    'app://quanlian/..%2F..%2Fetc%2Fpasswd',
    'app://quanlian/%2E%2E%5C..%5Cwindows',
    'app://other/index.html',
    'https://quanlian/index.html',
    'app://quanlian/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('serves files with the CSP header and 404s what is outside', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><p>全链</p>');
    let handler: ((request: Request) => Promise<Response>) | null = null;
    const protocol = { handle: (_scheme: string, fn: typeof handler) => (handler = fn) };
    const net = {
      fetch: async (url: string) => new Response(fs.readFileSync(new URL(url)), { status: 200 }),
    };
    serveRenderer(protocol as unknown as Protocol, net as unknown as Net, dir);

    const ok = await handler!(new Request('app://quanlian/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await ok.text()).toBe('<!doctype html><p>全链</p>');

    const outside = await handler!(new Request('app://quanlian/..%2F..%2Fetc%2Fpasswd'));
    expect(outside.status).toBe(404);
  });
});
