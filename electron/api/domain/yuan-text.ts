import { decimalOf } from './quantity';

/** Fen → yuan with two decimals and thousands separators, exact (the window's and the CLI's). */
export function yuanText(fen: number): string {
  const [whole, fraction = ''] = decimalOf(fen, 2).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
}
