import { describe, expect, it } from 'vitest';
import {
  canonicalCell,
  cellKey,
  hexColumn,
  nrCell,
  splitStation,
  typedCell,
} from '../../../electron/api/domain/cell-ids';

describe('base stations as one key', () => {
  it('a column is hex when some value has a letter A–F or 0x and all are hex digits', () => {
    expect(hexColumn(['5A3C', '2310', ''])).toBe(true);
    expect(hexColumn(['0x5a3c'])).toBe(true);
    expect(hexColumn(['22345', '23101'])).toBe(false);
    expect(hexColumn(['22345', 'E123456X'])).toBe(false);
    expect(hexColumn([])).toBe(false);
  });

  it('a whole list is hex when a tenth of its numbers or more show a letter; words for nothing are no value', () => {
    // Nine digit-only values and one lettered: hex (a target that stayed on a few cells).
    expect(
      hexColumn(['2310', '5749', '1023', '4410', '3321', '2210', '1100', '7001', '6120', '5A3C']),
    ).toBe(true);
    // Eleven and one: decimal, the lettered pair read as hex by itself (cellKey).
    expect(hexColumn([...Array.from({ length: 11 }, (_, n) => String(22_300 + n)), '5A3C'])).toBe(
      false,
    );
    expect(hexColumn(['5A3C', '-', '未知', 'N/A', 'null', '0B2F'])).toBe(true);
    // Each distinct value counted once: a lettered value repeated weighs as one.
    expect(
      hexColumn([
        ...Array(20).fill('5A3C'),
        ...Array.from({ length: 11 }, (_, n) => String(22_300 + n)),
      ]),
    ).toBe(false);
    expect(hexColumn(['ABCD', 'FACE'])).toBe(true);
  });

  it.each([
    ['22345-23101', ['22345', '23101']],
    ['22345/23101', ['22345', '23101']],
    ['LAC:22345 CI:23101', ['22345', '23101']],
    ['TAC=22345,ECI=123456789', ['22345', '123456789']],
    ['460-00-22345-23101', ['22345', '23101']],
    ['460_01_5A3C_0B2F', ['5A3C', '0B2F']],
    ['0x5A3C-0x0B2F', ['0x5A3C', '0x0B2F']],
  ])('%s splits into LAC and CI', (text, parts) => {
    expect(splitStation(text)).toEqual(parts);
  });

  it.each(['E123456', '昆明五华区某路基站', '22345'])('%s is no pair', (text) => {
    expect(splitStation(text)).toBeNull();
  });

  it('keys are decimal: hex converted, leading zeros dropped, anything else as written', () => {
    expect(cellKey('5A3C', '0B2F', true)).toBe('23100-2863');
    expect(cellKey('022345', '23101', false)).toBe('22345-23101');
    expect(cellKey('0x5A3C', '0x0B2F', false)).toBe('23100-2863');
    expect(cellKey('G12', 'x', false)).toBe('G12-x');
    // A pair that says it is hex is read so as a whole in a column of digits.
    expect(cellKey('5749', '5A3D', false)).toBe('22345-23101');
    expect(cellKey('12AB', '3456', false)).toBe('4779-13398');
  });

  it('a cell typed in a search reads as its parts say', () => {
    expect(typedCell('LAC:22345 CI:23101')).toBe('22345-23101');
    expect(typedCell('5A3C-0B2F')).toBe('23100-2863');
    expect(typedCell(' 22345-23101 ')).toBe('22345-23101');
    expect(typedCell('某基站')).toBe('某基站');
  });

  it('5G: a gNodeB and its cell are the NCI where the numbers, the notation or the header say so', () => {
    // An eNodeB (20 bits) and its cell (8): the ECI; past either, a gNodeB and its cell.
    expect(canonicalCell('482253', '137')).toBe('123456905');
    expect(canonicalCell('1234567', '1')).toBe('5056786433');
    expect(canonicalCell('567890', '300')).toBe('2326077740');
    expect(canonicalCell('22345', '300')).toBe('22345-300');
    expect(nrCell('gNB:567890 cell:1', false)).toBe('2326077441');
    expect(nrCell('NR 567890-1', false)).toBe('2326077441');
    expect(nrCell('567890-1', true)).toBe('2326077441');
    expect(nrCell('567890-1', false)).toBeNull();
    expect(nrCell('NR 567890-5000', false)).toBeNull();
    expect(typedCell('NR 567890-1')).toBe('2326077441');
  });
});
