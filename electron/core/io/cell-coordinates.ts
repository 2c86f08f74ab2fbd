import { cellText } from './import-values';
import type { Cell } from './table-file';

/** Marks of an axis's hemisphere before or after the figure: the negative ones first. */
const hemispheres = {
  longitude: {
    negative: /^(?:w|西经|西)|(?:w|西经|西)$/i,
    positive: /^(?:e|东经|东)|(?:e|东经|东)$/i,
  },
  latitude: {
    negative: /^(?:s|南纬|南)|(?:s|南纬|南)$/i,
    positive: /^(?:n|北纬|北)|(?:n|北纬|北)$/i,
  },
};
const limits = { longitude: 180, latitude: 90 };

const decimal = /^[+-]?\d{1,3}(?:\.\d+)?$/;
/** 102°42'44.1", 102°42.735', 102度42分44.1秒 (marks made one form first). */
const sexagesimal = /^(\d{1,3})°\s*(?:(\d{1,2}(?:\.\d+)?)'\s*(?:(\d{1,2}(?:\.\d+)?)"?)?)?$/;
/** What lists print for a position they do not know. */
const noneWritten = /^(?:|-+|\/|—+|无|未知|不详|null|n\/a)$/i;

/**
 * A base station's longitude or latitude in degrees as a call list prints it: decimal degrees
 * (102.712251, a spreadsheet's number), 度分秒 (102°42'44.1", 102°42′44.1″, 102度42分44.1秒) or
 * degrees and minutes, with or without a hemisphere (E, 东经, N 25.04; W and S negative).
 * Rounded to seven decimals (a centimetre), so 度分秒 give the figure they mean. Null where
 * nothing is written; undefined where it is no position on this axis (a word, minutes past 59,
 * a latitude of 102: the two columns swapped, or metres of another projection).
 */
export function readDegrees(cell: Cell, axis: 'longitude' | 'latitude'): number | null | undefined {
  if (typeof cell === 'number') return inRange(cell, axis);
  // Most lists print decimal degrees: read without making another string (a million rows).
  const written = cellText(cell);
  if (decimal.test(written)) return inRange(Number(written), axis);
  let text = written
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/′′|''|″|”|“|秒/g, '"')
    .replace(/[′’‘分]/g, "'")
    .replace(/[º˚度]/g, '°');
  if (noneWritten.test(text)) return null;
  let sign = 1;
  const { negative, positive } = hemispheres[axis];
  if (negative.test(text)) {
    sign = -1;
    text = text.replace(negative, '');
  } else if (positive.test(text)) text = text.replace(positive, '');
  if (decimal.test(text)) return inRange(sign * Number(text), axis);
  const parts = sexagesimal.exec(text);
  if (!parts) return undefined;
  const [degrees, minutes, seconds] = [parts[1], parts[2], parts[3]].map((part) =>
    part === undefined ? 0 : Number(part),
  ) as [number, number, number];
  if (minutes >= 60 || seconds >= 60) return undefined;
  return inRange(sign * (degrees + minutes / 60 + seconds / 3600), axis);
}

function inRange(value: number, axis: 'longitude' | 'latitude'): number | undefined {
  if (!Number.isFinite(value) || Math.abs(value) > limits[axis]) return undefined;
  return Math.round(value * 1e7) / 1e7;
}

/** An address as the list prints it; none for a mark of nothing. At most 200 characters. */
export function readAddress(cell: Cell): string | null {
  const text = cellText(cell).replace(/\s+/g, ' ').trim();
  return noneWritten.test(text) ? null : text.slice(0, 200);
}
