import { decodeText, detectEncoding } from './text-decoding';

/** How other programs' files start (a text table starts with none of these). */
const signatures: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x52, 0x61, 0x72, 0x21, 0x1a], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x1f, 0x8b, 0x08], // gzip
];

/** The start of the file that is looked at: enough to see a table's header and rows. */
const sampleBytes = 1 << 16;

/**
 * The controls text holds: tab, line breaks, vertical tab, form feed (a printed report's page
 * break), DOS's end-of-file mark and escape (printer codes). Any other C0 control, and U+FFFD
 * (a byte the encoding cannot read), text never holds.
 */
const textControls = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a, 0x1b]);

function strangeCharacters(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0xfffd || (code < 0x20 && !textControls.has(code))) count += 1;
  }
  return count;
}

/**
 * Whether bytes that are no spreadsheet container (zip, OLE2) nor an HTML or XML table are no
 * text either: a PDF, a picture, an archive of another kind, random bytes. Such a file saved
 * under a workbook's name is refused as no workbook; text under that name (a tab-separated
 * bank export called .xls, which Excel opens as text) is read as text.
 */
export function isBinaryContent(bytes: Uint8Array): boolean {
  if (signatures.some((start) => start.every((byte, index) => bytes[index] === byte))) return true;
  // Zero bytes padding the end of an export (a fixed-size buffer written whole) are no content.
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  // The encoding as the reader finds it, from the whole file; a character cut at the end of the
  // sample reads as one U+FFFD, allowed for.
  const encoding = detectEncoding(bytes.subarray(0, end));
  const text = decodeText(bytes.subarray(0, Math.min(end, sampleBytes)), encoding);
  const strange = strangeCharacters(text);
  return strange > 2 && strange > text.length / 100;
}
