/**
 * Escapes text for XML content and attribute values. Control characters XML 1.0 forbids are
 * dropped, so a hostile name cannot break the document (or inject markup into it). Tabs and
 * line breaks are written as character references: in an attribute a reader turns them into
 * spaces otherwise (a name on two lines came back on one in GEXF and ANX).
 */
export function xmlText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return [...String(value)]
    .filter((char) => {
      const code = char.charCodeAt(0);
      return (
        (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) &&
        code !== 0xfffe &&
        code !== 0xffff
      );
    })
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
