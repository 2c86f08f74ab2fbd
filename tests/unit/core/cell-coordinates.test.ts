import { describe, expect, it } from 'vitest';
import { positionCell, typedCell } from '../../../electron/api/domain/cell-ids';
import {
  callColumnsBuilder,
  joinCallColumns,
  textAt,
  type CallRecord,
} from '../../../electron/core/io/call-columns';
import { readAddress, readDegrees } from '../../../electron/core/io/cell-coordinates';
import { cellMark, settleStations, writtenCell } from '../../../electron/core/io/station-keys';

describe('a base station’s coordinates as call lists print them', () => {
  it('reads decimal degrees, 度分秒 and hemispheres, exactly', () => {
    expect(
      [
        102.712251,
        '102.712251',
        ' 25.040609 ',
        `102°42'44.1"`,
        '102°42′44.1″',
        '102度42分44.1秒',
        `E102°42'44.1"`,
        '东经102.5',
        '102.5W',
        '102°30.6′',
        '102°',
      ].map((cell) => readDegrees(cell, 'longitude')),
    ).toEqual([
      102.712251, 102.712251, 25.040609, 102.71225, 102.71225, 102.71225, 102.71225, 102.5, -102.5,
      102.51, 102,
    ]);
    expect(['N25.04', '南纬25.04', 'S25°2′'].map((cell) => readDegrees(cell, 'latitude'))).toEqual([
      25.04, -25.04, -25.0333333,
    ]);
  });

  it('says none for an empty cell, and no position for a word, a number out of range or a wrong hemisphere', () => {
    expect(['', null, '-', '无', 'NULL'].map((cell) => readDegrees(cell, 'latitude'))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(
      [
        ['102.712251', 'latitude'],
        ['-90.5', 'latitude'],
        ['180.1', 'longitude'],
        [`102°60'`, 'longitude'],
        ['N25.04', 'longitude'],
        ['昆明', 'longitude'],
        ['11433864.5', 'longitude'],
      ].map(([cell, axis]) => readDegrees(cell!, axis as 'longitude' | 'latitude')),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    expect([readAddress(' 昆明市  五华区 '), readAddress('无'), readAddress(null)]).toEqual([
      '昆明市 五华区',
      null,
      null,
    ]);
  });

  it('keys a cell placed by coordinates alone to four decimals, typed or imported', () => {
    expect(positionCell(102.712251, 25.040609)).toBe('102.7123,25.0406');
    expect(typedCell('102.712251，25.040609')).toBe('102.7123,25.0406');
    expect(typedCell('25301-10231')).toBe('25301-10231');
  });
});

const record = (line: number, baseStation: string): CallRecord => ({
  line,
  caller: '13987650001',
  callee: '13812345678',
  kind: 'call',
  startedUnix: 1_772_691_791 + line,
  durationSeconds: 60,
  baseStation,
  own: '13987650001',
  imei: null,
  imsi: null,
  farType: 'mobile',
});

describe('the sites of a call list’s columns', () => {
  it('keep one site per cell through the halves of a file and the keying of its cells', () => {
    const halves = [0, 1].map(() => callColumnsBuilder());
    const mark = cellMark('lacCi', null, null);
    const place = (half: number, line: number, cell: string, longitude: number) => {
      const builder = halves[half]!;
      builder.add(record(line, cell));
      const at = builder.unplaced(cell);
      if (at) builder.place({ cell: at, line, longitude, latitude: 25, address: null });
    };
    place(0, 2, writtenCell('4123', '12345', mark), 102.1);
    place(0, 3, writtenCell('4123', '12345', mark), 102.2);
    place(0, 4, '102.7123,25.0406', 102.7123);
    // The second half: the first cell again (placed already), and written with zeros.
    place(1, 5, writtenCell('4123', '12345', mark), 102.3);
    place(1, 6, writtenCell('04123', '012345', mark), 102.4);
    place(1, 7, writtenCell('4123', '12346', mark), 102.5);
    const joined = joinCallColumns(halves[0]!.columns, halves[1]!.columns);
    settleStations(joined);
    expect(
      joined.sites.map((site) => [textAt(joined, site.cell), site.line, site.longitude]),
    ).toEqual([
      ['4123-12345', 2, 102.1],
      ['102.7123,25.0406', 4, 102.7123],
      ['4123-12346', 7, 102.5],
    ]);
  });
});
