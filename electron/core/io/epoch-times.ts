/**
 * Times as database dumps give them (carriers' and payment platforms' exports): Unix seconds of
 * ten digits (1764547200) or milliseconds of thirteen (1764547200123), an instant in UTC. Only
 * from 2001-09-09 (the first ten-digit second) to 2030-03-17: ten digits from 19… or 20… on
 * may as well be a date and an hour (2026040117), and are refused as the time they do not
 * clearly give; eight digits are a date (20260401), never a second.
 */
const firstSecond = 1_000_000_000;
const lastSecond = 1_900_000_000;

/** Milliseconds since 1970 (whole seconds) of Unix seconds or milliseconds; null for none. */
export function epochMs(text: string): number | null {
  const { length } = text;
  if (length !== 10 && length !== 13) return null;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return null;
  }
  const value = Number(text);
  const seconds = length === 10 ? value : value / 1000;
  if (seconds < firstSecond || seconds >= lastSecond) return null;
  // To the second, as a time written with its milliseconds is read.
  return length === 10 ? value * 1000 : value - (value % 1000);
}

/**
 * A time written with its milliseconds after a colon (17:16:47:123, as some exports print them),
 * or after a dot, without them: the seconds are what a list or statement keeps. The text as it
 * is where it has none.
 */
export function withoutMillis(text: string): string {
  const { length } = text;
  // Only a clock's seconds then three digits: …:47:123 or …:47.123.
  if (length < 12) return text;
  const mark = text.charCodeAt(length - 4);
  if ((mark !== 58 && mark !== 46) || text.charCodeAt(length - 7) !== 58) return text;
  return /\d:\d{2}[:.]\d{3}$/.test(text) ? text.slice(0, length - 4) : text;
}
