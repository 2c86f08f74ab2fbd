import { decodeHTML } from 'entities';

/**
 * A web page with no table, saved under a statement's name: what a bank's system sends when a
 * query fails (系统错误：查询超时, 会话已过期). Read as a CSV it had been called a file without
 * data rows; its words tell the user what went wrong, so the first of them are quoted.
 */
const pageStart = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;
const quotedLength = 60;

/** Whether a text (or its start) is a web page: read whole, never as delimited text. */
export const startsWebPage = (text: string): boolean => pageStart.test(text);

/** The page's first words (tags, scripts and styles left out), or null if it is no web page. */
export function webPageWords(text: string): string | null {
  if (!startsWebPage(text)) return null;
  const words = decodeHTML(
    text
      .replace(/<(script|style|title)[\s>][\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
  return words.length > quotedLength ? `${words.slice(0, quotedLength)}…` : words;
}
