const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe inside HTML or SVG markup (case data in a tooltip, a picture's title). */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char]!);
}
