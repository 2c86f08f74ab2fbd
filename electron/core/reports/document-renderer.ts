/**
 * Turns HTML into PDF and SVG into PNG with a real browser engine: Electron's own Chromium
 * in the app (`printToPDF`, `capturePage`), headless Chromium for the CLI and tests. Documents
 * are handed over in memory: case data never goes through a temporary file.
 */
export interface DocumentRenderer {
  pdf(html: string, options: { footer: string }): Promise<Uint8Array>;
  /** An SVG of the given size as a PNG at `scale` times its size (for Word). */
  png(svg: string, size: { width: number; height: number }, scale: number): Promise<Uint8Array>;
}

/** Chromium's footer template: the case number and page x / y in small grey text. */
export function footerTemplate(footer: string): string {
  const escaped = footer.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<div style="width:100%;font-size:8px;color:#64748b;text-align:center;font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif">${escaped} · <span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
}
