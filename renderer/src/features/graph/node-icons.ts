import { kindGlyphs as glyphs } from '../../../../electron/api/domain/chart-look';
import { kindColours, type EntityKind } from '../../../../electron/api/domain/entity-kinds';

export { kindColours };

const cache = new Map<string, string>();

/** A data URL of the kind's icon (allowed by the CSP's img-src data:). */
export function kindIcon(kind: EntityKind): string {
  const cached = cache.get(kind);
  if (cached) return cached;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="${kindColours[kind]}"/><g fill="#fff">${glyphs[kind]}</g></svg>`;
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  cache.set(kind, url);
  return url;
}
