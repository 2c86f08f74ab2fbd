/**
 * The encodings a delimited text file is read in: UTF-8, GB18030 (the superset of GBK and
 * GB2312 that Chinese systems write), UTF-16 (Excel's "Unicode text") and Big5 (Hong Kong's,
 * Taiwan's and Macau's systems).
 */
export const textEncodings = ['utf8', 'gb18030', 'utf16le', 'utf16be', 'big5'] as const;
export type TextEncoding = (typeof textEncodings)[number];
