import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { TextEncoding } from '../../api/domain/text-encodings';
import { looksBig5 } from './big5-text';

export type { TextEncoding };

/** UTF-16 text: Excel's "Unicode text" (tab-separated, little-endian with a BOM) and the like. */
export const isUtf16 = (encoding: TextEncoding) => encoding === 'utf16le' || encoding === 'utf16be';

/**
 * UTF-16 without a BOM, told by its zero bytes: Latin digits, separators and line breaks have
 * a zero high byte, and nothing else a table file is written in has NUL bytes. Some Chinese
 * characters have a zero low byte (一 U+4E00, 开 U+5F00, the ideographic space U+3000), so the
 * other side may have some too, far fewer.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf16le' | 'utf16be' | null {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let pair = 0; pair < pairs; pair += 1) {
    if (bytes[pair * 2] === 0) evenZeros += 1;
    if (bytes[pair * 2 + 1] === 0) oddZeros += 1;
  }
  if (oddZeros >= pairs * 0.3 && evenZeros * 4 < oddZeros) return 'utf16le';
  if (evenZeros >= pairs * 0.3 && oddZeros * 4 < evenZeros) return 'utf16be';
  return null;
}

/**
 * The encoding of a CSV exported by another system: a BOM says UTF-8 or UTF-16; zero bytes in
 * every other place say UTF-16 without one; valid UTF-8 means UTF-8; text that reads as Big5
 * into common characters is Big5; anything else is taken as GB18030, the superset of GBK and
 * GB2312 that Chinese systems (and Excel on Chinese Windows) write.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  // A UTF-8 BOM before GBK text: a tool wrote the mark and the carrier's text as it came.
  if (hasUtf8Bom(bytes)) return isUtf8(bytes.subarray(3)) ? 'utf8' : 'gb18030';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  // Checked in place: decoding a large UTF-8 file to learn it is UTF-8 made its whole text
  // once more, only to drop it.
  if (isUtf8(bytes)) return 'utf8';
  // Hong Kong's, Taiwan's and Macau's systems write Big5 (big5-text).
  return looksBig5(bytes) ? 'big5' : 'gb18030';
}

const decoderLabels = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  gb18030: 'gb18030',
  big5: 'big5',
} as const;

/**
 * Whether this runtime's TextDecoder knows GB18030 (Node and Electron with full ICU do). ICU's
 * decoder is a third faster than iconv-lite's on a carrier's list, follows GB18030-2022 (the
 * 18 characters the 2005 edition left in the private use area are the standard ones), and
 * refuses four-byte codes past U+FFFF's range that iconv-lite read as characters.
 */
const icuGb18030 = (() => {
  try {
    return new TextDecoder('gb18030').decode(Uint8Array.of(0xb1, 0xbe)) === '本';
  } catch {
    return false;
  }
})();

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Decodes text in the given encoding, without the BOM a file starts with (GB18030 text after a
 * UTF-8 BOM too); `fileStart` false for bytes from the middle of a file (a U+FEFF there is
 * text).
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding, fileStart = true): string {
  if (fileStart && encoding === 'gb18030' && hasUtf8Bom(bytes)) bytes = bytes.subarray(3);
  const text =
    encoding === 'gb18030' && !icuGb18030
      ? iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030', {
          stripBOM: fileStart,
        })
      : new TextDecoder(decoderLabels[encoding], { ignoreBOM: !fileStart }).decode(bytes);
  return fileStart && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
