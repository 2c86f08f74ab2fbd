import { describe, expect, it } from 'vitest';
import { shownNumber } from '../../../electron/core/io/shown-number';

describe('a number cell as its format shows it (both spreadsheet readers)', () => {
  it('percentages as shown, zero-padded digits as shown, anything else the number', () => {
    expect(shownNumber(0.725, '0.0%')).toBe('72.5%');
    expect(shownNumber(1, '0%')).toBe('100%');
    expect(shownNumber(87165123456, '000000000000')).toBe('087165123456');
    expect(shownNumber(1, '00')).toBe('01');
    // Nothing to pad: the number stays a number (a card number's cut is still seen as such).
    expect(shownNumber(12, '00')).toBe(12);
    expect(shownNumber(6217001540009284000, '0000000000000000000')).toBe(6217001540009284000);
    expect(shownNumber(65, '0')).toBe(65);
    expect(shownNumber(1200.5, '#,##0.00')).toBe(1200.5);
    expect(shownNumber(5, undefined)).toBe(5);
    expect(shownNumber(356.2, '0.00"克"')).toBe('356.2克');
    expect(shownNumber(1200.5, '#,##0.00"元"')).toBe('1200.5元');
    expect(shownNumber(65, '0" 秒"')).toBe('65秒');
  });
});
