import zlib from 'node:zlib';

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Pixels per metre at `dpi` dots per inch, as PNG's pHYs chunk counts them (300 → 11811). */
export const pixelsPerMetre = (dpi: number) => Math.round(dpi / 0.0254);

/**
 * The PNG with its resolution written down (a pHYs chunk in pixels per metre, right after
 * IHDR; any earlier pHYs dropped), so a word processor places a 300 dpi print at its paper
 * size: Chromium's screenshots carry none, and a 3509 px wide A4 page came in 3.6 times too big.
 */
export function withPngDensity(png: Uint8Array, dpi: number): Buffer {
  const bytes = Buffer.from(png);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG');
  const chunks: Buffer[] = [signature];
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (type !== 'pHYs') chunks.push(bytes.subarray(offset, end));
    if (type === 'IHDR') {
      const body = Buffer.alloc(9);
      body.writeUInt32BE(pixelsPerMetre(dpi), 0);
      body.writeUInt32BE(pixelsPerMetre(dpi), 4);
      body[8] = 1; // unit: the metre
      const typed = Buffer.concat([Buffer.from('pHYs', 'latin1'), body]);
      const head = Buffer.alloc(4);
      head.writeUInt32BE(body.length, 0);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(typed) >>> 0, 0);
      chunks.push(head, typed, crc);
    }
    offset = end;
  }
  return Buffer.concat(chunks);
}
