import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  metaContentSecurityPolicy,
} from '../../electron/main/content-security-policy';
import { secureWebPreferences } from '../../electron/main/web-preferences';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('window security settings', () => {
  it('isolate and sandbox the renderer, with no Node anywhere', () => {
    expect(secureWebPreferences('/app/preload/index.cjs', false)).toEqual({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('the CSP allows only the app itself: no eval, no inline scripts, no remote origins', () => {
    const csp = directives(contentSecurityPolicy);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|ws:|\*/);
    // Inline styles only, because antd's CSS-in-JS injects <style> elements.
    expect(
      [...csp].filter(([, values]) => values.includes("'unsafe-inline'")).map(([name]) => name),
    ).toEqual(['style-src']);
  });

  it('the meta-tag CSP is the same policy without frame-ancestors (ignored in meta tags)', () => {
    const header = directives(contentSecurityPolicy);
    header.delete('frame-ancestors');
    expect(directives(metaContentSecurityPolicy)).toEqual(header);
  });
});
