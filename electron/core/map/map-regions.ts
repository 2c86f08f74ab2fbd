import { prefectureOfCountyCity } from './prefecture-points';
import { provinceOfCode, provinces, type ProvinceInfo } from './province-table';

/**
 * A region on the map: a province, or a prefecture-level city inside one when the record names
 * it. `key` is `<province code>` or `<province code>/<prefecture name>`, stable across calls so
 * flows between the same two regions add up.
 */
export interface MapRegion {
  key: string;
  provinceCode: string;
  provinceName: string;
  /** 滨江市, 昆明市 …; null when only the province is known. */
  prefectureName: string | null;
}

const municipalities = new Set(['11', '12', '31', '50']);

/** The province an address or household text starts with (云南省…, 云南…), or null. */
export function provinceOfText(text: string | null | undefined): ProvinceInfo | null {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  return (
    provinces.find((province) => trimmed.startsWith(province.fullName)) ??
    provinces.find((province) => trimmed.startsWith(province.mapName)) ??
    null
  );
}

/**
 * The prefecture-level name right after the province in an address: 浙江省滨江市拱墅区 → 滨江市,
 * 云南省德宏傣族景颇族自治州… → 德宏傣族景颇族自治州; a county-level city's prefecture (云南省瑞丽市
 * → 德宏傣族景颇族自治州: drawn apart, 瑞丽 had stood on its prefecture's point under another
 * name). For a municipality it is the municipality.
 */
export function prefectureOfText(text: string, province: ProvinceInfo): string | null {
  if (municipalities.has(province.code.slice(0, 2))) return province.fullName;
  const rest = text.trim().startsWith(province.fullName)
    ? text.trim().slice(province.fullName.length)
    : text.trim().startsWith(province.mapName)
      ? text.trim().slice(province.mapName.length)
      : null;
  const match = rest?.match(/^(.{1,12}?(?:自治州|地区|盟|市|州))/u);
  if (!match) return null;
  return prefectureOfCountyCity(province.code, match[1]!) ?? match[1]!;
}

function region(province: ProvinceInfo, prefectureName: string | null): MapRegion {
  return {
    key: prefectureName ? `${province.code}/${prefectureName}` : province.code,
    provinceCode: province.code,
    provinceName: province.mapName,
    prefectureName,
  };
}

/**
 * 户籍地 of a person: the province from the first two digits of the ID number (GB 11643 carries
 * the GB/T 2260 region code of registration in its first six), the prefecture named in the
 * household text when that text is in the same province. Without an ID number the household
 * text alone decides. Null when neither names a province.
 */
export function householdRegion(
  idNumber: string | null | undefined,
  household: string | null | undefined,
): MapRegion | null {
  const fromCode = idNumber && /^\d{6}/.test(idNumber) ? provinceOfCode(idNumber) : null;
  const fromText = provinceOfText(household);
  const province = fromCode ?? fromText;
  if (!province) return null;
  const prefecture =
    household && fromText?.code === province.code ? prefectureOfText(household, province) : null;
  return region(province, prefecture);
}

/** The region an address or place text names, or null. */
export function regionOfText(text: string | null | undefined): MapRegion | null {
  const province = provinceOfText(text);
  return province ? region(province, prefectureOfText(text!, province)) : null;
}
