import { BrowserWindow, session } from 'electron';
import type { DocumentRenderer } from '../core/reports/document-renderer';
import { footerTemplate } from '../core/reports/document-renderer';
import { appScheme } from './app-origin';

/** A document window may show inline styles and images and nothing else: no script, no fetch. */
const documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const documentUrl = `${appScheme}://document/`;

/**
 * PDF and PNG with Electron's own Chromium: an invisible, sandboxed window without JavaScript,
 * in its own in-memory session, loads the document from memory (never a temporary file) and
 * prints or captures it, then is destroyed.
 */
export function electronDocuments(): DocumentRenderer {
  const documentSession = session.fromPartition('quanlian-documents');
  let pending = '';
  documentSession.protocol.handle(
    appScheme,
    () =>
      new Response(pending, {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': documentPolicy,
        },
      }),
  );
  documentSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );

  async function open(html: string, size = { width: 800, height: 1100 }) {
    const window = new BrowserWindow({
      show: false,
      ...size,
      useContentSize: true,
      webPreferences: {
        session: documentSession,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    pending = html;
    await window.loadURL(documentUrl);
    pending = '';
    return window;
  }

  return {
    async pdf(html, options) {
      const window = await open(html);
      try {
        return await window.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(options.footer),
        });
      } finally {
        window.destroy();
      }
    },
    async png(svg, size, scale) {
      const scaled = { width: size.width * scale, height: size.height * scale };
      const window = await open(
        `<html><body style="margin:0"><div style="zoom:${scale}">${svg}</div></body></html>`,
        scaled,
      );
      try {
        const image = await window.webContents.capturePage({ x: 0, y: 0, ...scaled });
        return image.toPNG();
      } finally {
        window.destroy();
      }
    },
  };
}
