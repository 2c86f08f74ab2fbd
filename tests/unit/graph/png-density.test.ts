import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pixelsPerMetre, withPngDensity } from '../../../electron/core/graph/png-density';
import { pngDensity } from '../../helpers/png-pixels';

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length, 0);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed) >>> 0, 0);
  return Buffer.concat([head, typed, crc]);
}

/** A 2 × 1 RGB PNG, optionally with a pHYs of its own, as Chromium writes them (without). */
function tinyPng(density?: number): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const own = Buffer.alloc(9);
  own.writeUInt32BE(density ?? 0, 0);
  own.writeUInt32BE(density ?? 0, 4);
  own[8] = 1;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(density ? [chunk('pHYs', own)] : []),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('a printed PNG says its resolution', () => {
  it('300 dpi is 11811 pixels per metre', () => {
    expect(pixelsPerMetre(300)).toBe(11811);
  });

  it('writes pHYs after IHDR, before the image data, the pixels untouched', () => {
    const plain = tinyPng();
    expect(pngDensity(plain)).toBeNull();
    const dense = withPngDensity(plain, 300);
    expect(pngDensity(dense)).toEqual({ x: 11811, y: 11811, unit: 1 });
    // IHDR at 8 (25 bytes), then pHYs: length 9, type, 9 bytes, CRC.
    expect(dense.toString('latin1', 37, 41)).toBe('pHYs');
    expect(dense.length).toBe(plain.length + 21);
    expect(dense.subarray(58)).toEqual(plain.subarray(37));
  });

  it('replaces a pHYs already there rather than writing two', () => {
    const dense = withPngDensity(tinyPng(3780), 300);
    expect(dense.toString('latin1').split('pHYs')).toHaveLength(2);
    expect(pngDensity(dense)).toEqual({ x: 11811, y: 11811, unit: 1 });
  });

  it('refuses what is not a PNG', () => {
    expect(() => withPngDensity(Buffer.from('GIF89a'), 300)).toThrow('not a PNG');
  });
});
