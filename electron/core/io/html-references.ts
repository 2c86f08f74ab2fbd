import { decodeHTML } from 'entities';

/**
 * Character references in an HTML table saved as .xls (&#20132;&#26131; for 交易, 1&#44;000.00,
 * &yen;2,000.00): SheetJS decodes only &nbsp; &amp; &lt; &gt; &quot; &apos; and &middot;, so
 * headers stayed unread and amounts were refused. Each reference is replaced by its character
 * before SheetJS reads the markup; one that stands for markup (<, &, a quote) or a no-break
 * space is left as the named reference SheetJS decodes, so a cell's text never becomes a tag.
 */
const reference = /&(?:#[0-9]+;?|#x[0-9a-f]+;?|[a-z][a-z0-9]*;)/gi;
const namedForSheetJs = new Map([
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['&', '&amp;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
  ['\u00a0', '&nbsp;'],
]);

/** The markup with its character references decoded (named, decimal and hexadecimal). */
export function withReferencesDecoded(markup: string): string {
  return markup.replace(reference, (found) => {
    const text = decodeHTML(found);
    return namedForSheetJs.get(text) ?? text;
  });
}
