/** The hovered mark's description in a box beside it, kept inside the plot. */
export function HoverLabel({
  x,
  y,
  text,
  right,
}: {
  x: number;
  y: number;
  text: string;
  right: number;
}) {
  const width = [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 12 : 7), 12);
  const left = x + 10 + width > right ? x - 10 - width : x + 10;
  return (
    <g data-role="hover" pointerEvents="none" data-testid="timeline-hover">
      <rect
        x={left}
        y={y - 24}
        width={width}
        height={20}
        rx={3}
        fill="#111827"
        fillOpacity={0.85}
      />
      <text x={left + 6} y={y - 10} fill="#fff">
        {text}
      </text>
    </g>
  );
}

/** A label cut to fit the gutter (the full one is on the line's title in the legend). */
export function truncate(text: string, max: number): string {
  let width = 0;
  let cut = 0;
  for (const char of text) {
    width += char.charCodeAt(0) > 0x2e80 ? 2 : 1;
    if (width > max) return `${text.slice(0, cut)}…`;
    cut += char.length;
  }
  return text;
}
