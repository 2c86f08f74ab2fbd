import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/cli/chromium-documents';

const installed =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('the Chromium for documents and tests', () => {
  it('takes the headless shell before full Chromium when both are installed', () => {
    expect(
      findChromium({}, installed('/usr/bin/chromium', '/usr/bin/chromium-headless-shell')),
    ).toBe('/usr/bin/chromium-headless-shell');
  });

  it('falls back to full Chromium, and to nothing', () => {
    expect(findChromium({}, installed('/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    expect(findChromium({}, installed())).toBeUndefined();
  });

  it('uses CHROMIUM_PATH when it exists, else the usual places', () => {
    const both = installed('/opt/chrome/chrome', '/usr/bin/chromium');
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }, both)).toBe('/opt/chrome/chrome');
    expect(findChromium({ CHROMIUM_PATH: '/missing/chrome' }, both)).toBe('/usr/bin/chromium');
  });
});
