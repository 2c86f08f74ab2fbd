import fs from 'node:fs';
import zlib from 'node:zlib';

/** A decoded PNG: 8-bit RGBA, row by row. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * Decodes a non-interlaced 8-bit PNG (RGB or RGBA, as Chromium and canvas.toDataURL write
 * them), so a test can look at what an exported picture shows, not only its size.
 */
export function readPng(file: string): Pixels {
  const bytes = fs.readFileSync(file);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6))
        throw new Error(
          `unsupported PNG: depth ${depth}, colour ${colour}, interlace ${interlace}`,
        );
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= channels ? rows[y * stride + x - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? rows[(y - 1) * stride + x - channels]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      rows[y * stride + x] = (line[x]! + predicted) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: rows };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    rgba.set(rows.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

/** The colour at (x, y), as #rrggbb (alpha ignored). */
function pixelAt(pixels: Pixels, x: number, y: number): string {
  const i = (Math.round(y) * pixels.width + Math.round(x)) * 4;
  return `#${[...pixels.rgba.subarray(i, i + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** Within 24 of each channel: a fill, anti-aliasing and a thin crossing line aside. */
function near(colour: string, wanted: string): boolean {
  const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [a, b] = [channels(colour), channels(wanted)];
  return a.every((value, i) => Math.abs(value - b[i]!) <= 24);
}

/**
 * The share of a disc's pixels (centre and radius in the picture's pixels) in `colour`: an
 * entity's icon is mostly its kind's colour (a white glyph in the middle), an empty ring white.
 */
export function colourShare(
  pixels: Pixels,
  x: number,
  y: number,
  radius: number,
  colour: string,
): number {
  let inside = 0;
  let coloured = 0;
  for (let dy = -radius; dy <= radius; dy += 1)
    for (let dx = -radius; dx <= radius; dx += 1) {
      if (dx * dx + dy * dy > radius * radius) continue;
      inside += 1;
      if (near(pixelAt(pixels, x + dx, y + dy), colour)) coloured += 1;
    }
  return coloured / inside;
}

/**
 * A PNG's pHYs chunk (pixels per unit, unit 1 = the metre), checked against its CRC; null when
 * the file has none before its image data.
 */
export function pngDensity(bytes: Buffer): { x: number; y: number; unit: number } | null {
  let offset = 8;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') return null;
    if (type === 'pHYs') {
      const crc = bytes.readUInt32BE(offset + 8 + length);
      if (zlib.crc32(bytes.subarray(offset + 4, offset + 8 + length)) >>> 0 !== crc)
        throw new Error('pHYs CRC mismatch');
      const body = bytes.subarray(offset + 8, offset + 8 + length);
      return { x: body.readUInt32BE(0), y: body.readUInt32BE(4), unit: body[8]! };
    }
    offset += 12 + length;
  }
  return null;
}
