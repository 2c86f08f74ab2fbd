/** The renderer is served from app://quanlian/, never from file:// (Electron checklist #18). */
export const appScheme = 'app';
export const appHost = 'quanlian';
const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * Whether a URL belongs to the app: parsed, never substring-matched. In development the
 * electron-vite dev server's exact origin is trusted as well.
 */
export function isAppUrl(url: string | undefined, devServerUrl?: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${appScheme}:` && parsed.host === appHost) return true;
  if (!devServerUrl) return false;
  try {
    return parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
