/**
 * The encodings a delimited text file is read in: UTF-8, GB18030 (the superset of GBK and
 * GB2312 that Chinese systems write) and UTF-16 (Excel's "Unicode text").
 */
export const textEncodings = ['utf8', 'gb18030', 'utf16le', 'utf16be'] as const;
export type TextEncoding = (typeof textEncodings)[number];
