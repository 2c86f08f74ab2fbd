import iconv from 'iconv-lite';

export const textEncodings = ['utf8', 'gb18030'] as const;
export type TextEncoding = (typeof textEncodings)[number];

/**
 * The encoding of a CSV exported by another system: a UTF-8 BOM or valid UTF-8 means UTF-8;
 * anything else is taken as GB18030, the superset of GBK and GB2312 that Chinese systems
 * (and Excel on Chinese Windows) write.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/**
 * Decodes text in the given encoding, without the BOM a file starts with; `fileStart` false
 * for bytes from the middle of a file (a U+FEFF there is text).
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding, fileStart = true): string {
  const text =
    encoding === 'utf8'
      ? new TextDecoder('utf-8', { ignoreBOM: !fileStart }).decode(bytes)
      : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030', {
          stripBOM: fileStart,
        });
  return fileStart && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
