import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../e2e/host/browser-host';
import { makeTempDir, migrationsFolder } from '../helpers/test-core';

let host: BrowserHost;

beforeAll(async () => {
  const rendererDir = makeTempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><script type="module"></script>');
  host = await startBrowserHost({ rendererDir, root: makeTempDir(), migrationsFolder });
});
afterAll(() => host?.close());

/** Sends a raw request line (fetch would refuse to send a malformed address) and reads the status. */
function rawStatus(target: string): Promise<string> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
    socket.on('end', () => resolve(reply.split('\r\n')[0]!));
    socket.on('error', reject);
  });
}

describe('browser host', () => {
  it('answers malformed addresses with 400 and keeps serving', async () => {
    expect(await rawStatus('/%E0%A4%A')).toBe('HTTP/1.1 400 Bad Request');
    expect(await rawStatus('/assets/%')).toBe('HTTP/1.1 400 Bad Request');
    expect(await rawStatus('/../../etc/passwd')).toBe('HTTP/1.1 404 Not Found');
    const page = await fetch(`${host.origin}/index.html`);
    expect([page.status, (await page.text()).includes('/__host/bridge.js')]).toEqual([200, true]);
  });
});
