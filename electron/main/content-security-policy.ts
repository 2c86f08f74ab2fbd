/**
 * The renderer's Content-Security-Policy: only the app's own files; no eval, no remote origins.
 * 'unsafe-inline' for styles only, because antd's CSS-in-JS injects <style> elements.
 */
const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const contentSecurityPolicy = directives.join('; ');

/** The same policy for a <meta> tag, where browsers ignore (and warn about) frame-ancestors. */
export const metaContentSecurityPolicy = directives
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
