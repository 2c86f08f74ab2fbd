import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The parts of electron the document renderer uses, recorded. */
const electron = vi.hoisted(() => {
  const calls = {
    handler: undefined as undefined | (() => Response),
    windows: [] as { options: Record<string, unknown>; url?: string; destroyed: boolean }[],
    pdfOptions: [] as Record<string, unknown>[],
    captures: [] as unknown[],
    served: [] as string[],
  };
  class BrowserWindow {
    record: (typeof calls.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false };
      calls.windows.push(this.record);
    }
    webContents = {
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
      printToPDF: async (options: Record<string, unknown>) => {
        calls.pdfOptions.push(options);
        return Buffer.from('%PDF-1.7');
      },
      capturePage: async (rect: unknown) => {
        calls.captures.push(rect);
        return { toPNG: () => Buffer.from([0x89, 0x50, 0x4e, 0x47]) };
      },
    };
    async loadURL(url: string) {
      this.record.url = url;
      calls.served.push(await calls.handler!().text());
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    calls,
    module: {
      BrowserWindow,
      session: {
        fromPartition: () => ({
          protocol: {
            handle: (_scheme: string, handler: () => Response) => (calls.handler = handler),
          },
          setPermissionRequestHandler: () => undefined,
        }),
      },
    },
  };
});

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const { electronDocuments } = await import('../../electron/main/electron-documents');

beforeEach(() => {
  electron.calls.windows.length = 0;
  electron.calls.served.length = 0;
});

describe("documents through Electron's Chromium", () => {
  it('prints a PDF from memory in a hidden sandboxed window without JavaScript, then destroys it', async () => {
    const documents = electronDocuments();
    const pdf = await documents.pdf('<html><body>案情简报</body></html>', { footer: 'A330105' });
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7');
    expect(electron.calls.served).toEqual(['<html><body>案情简报</body></html>']);
    const [window] = electron.calls.windows;
    expect(window!.url).toBe('app://document/');
    expect(window!.options).toMatchObject({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
      },
    });
    expect(window!.destroyed).toBe(true);
    expect(electron.calls.pdfOptions[0]).toMatchObject({
      pageSize: 'A4',
      displayHeaderFooter: true,
    });
    expect(String(electron.calls.pdfOptions[0]!['footerTemplate'])).toContain('A330105');
    // Nothing is left to serve once the page has loaded.
    expect(await electron.calls.handler!().text()).toBe('');
    expect(electron.calls.handler!().headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
  });

  it('captures an SVG at twice its size', async () => {
    const documents = electronDocuments();
    await documents.png('<svg width="680" height="440"></svg>', { width: 680, height: 440 }, 2);
    expect(electron.calls.captures.at(-1)).toEqual({ x: 0, y: 0, width: 1360, height: 880 });
    expect(electron.calls.windows[0]!.options).toMatchObject({ width: 1360, height: 880 });
    expect(electron.calls.served[0]).toContain('zoom:2');
    expect(electron.calls.windows[0]!.destroyed).toBe(true);
  });
});
