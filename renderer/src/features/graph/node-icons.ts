import { kindColours, type EntityKind } from '../../../../electron/api/domain/entity-kinds';

export { kindColours };

/** White glyphs on the kind colour, 64×64, drawn as SVG paths (no icon font is needed offline). */
const glyphs: Record<EntityKind, string> = {
  person: '<circle cx="32" cy="24" r="9"/><path d="M15 50c2-10 9-15 17-15s15 5 17 15z"/>',
  organisation:
    '<circle cx="22" cy="26" r="6"/><circle cx="42" cy="26" r="6"/><circle cx="32" cy="20" r="7"/><path d="M12 48c1-8 6-12 12-12 3 0 5 1 8 3 3-2 5-3 8-3 6 0 11 4 12 12z"/>',
  location:
    '<path d="M32 12c-8 0-14 6-14 14 0 10 14 26 14 26s14-16 14-26c0-8-6-14-14-14zm0 19a5 5 0 1 1 0-10 5 5 0 0 1 0 10z"/>',
  phone:
    '<rect x="22" y="12" width="20" height="40" rx="4"/><rect x="26" y="17" width="12" height="26" fill="#000" opacity=".25"/>',
  vehicle:
    '<path d="M14 40v-8l5-10h26l5 10v8z"/><circle cx="22" cy="42" r="5"/><circle cx="42" cy="42" r="5"/>',
  account:
    '<rect x="12" y="20" width="40" height="26" rx="3"/><rect x="12" y="26" width="40" height="6" fill="#000" opacity=".3"/>',
  parcel:
    '<path d="M14 24l18-9 18 9v20l-18 9-18-9z"/><path d="M14 24l18 9 18-9M32 33v20" stroke="#000" stroke-opacity=".3" stroke-width="2" fill="none"/>',
};

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
