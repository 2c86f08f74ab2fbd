import { decimalOf } from '../../../../electron/api/domain/quantity';

/** An exact normalised amount in the unit a briefing uses: kg/g for mass, L for volume. */
export function formatAmount(amount: number, unit: string): string {
  if (unit === 'mg')
    return amount >= 1_000_000 ? `${decimalOf(amount, 6)} kg` : `${decimalOf(amount, 3)} g`;
  if (unit === 'ml') return `${decimalOf(amount, 3)} L`;
  return String(amount);
}
