import { describe, expect, it } from 'vitest';
import {
  callColumnBuffers,
  callColumnsBuilder,
  callRecordAt,
  textAt,
  type CallRecord,
} from '../../../electron/core/io/call-columns';

const records: CallRecord[] = [
  {
    line: 2,
    caller: '13987654321',
    callee: '13800000001',
    kind: 'call',
    startedUnix: 1_772_691_791,
    durationSeconds: 75,
    baseStation: '25001-3301',
    own: '13987654321',
    imei: '86012345678901',
    imsi: null,
    farType: 'mobile',
  },
  {
    line: 3,
    caller: '+959123456789',
    callee: '13987654321',
    kind: 'sms',
    startedUnix: 1_772_691_840,
    durationSeconds: 0,
    baseStation: null,
    own: '13987654321',
    imei: '86012345678901',
    imsi: '460001234567890',
    farType: 'international',
  },
  {
    line: 5,
    caller: '10086',
    callee: '13800000001',
    kind: 'forwarded',
    startedUnix: 1_772_694_000,
    durationSeconds: 3_600,
    baseStation: '25001-3301',
    own: null,
    imei: null,
    imsi: null,
    farType: 'service',
  },
];

describe('a call list as columns', () => {
  it('gives every record back as planned, each distinct text stored once', () => {
    const builder = callColumnsBuilder(10);
    for (const record of records) builder.add(record);
    const { columns } = builder;
    expect(columns.length).toBe(3);
    expect(columns.texts).toEqual([
      '13987654321',
      '13800000001',
      '25001-3301',
      '86012345678901',
      '+959123456789',
      '460001234567890',
      '10086',
    ]);
    expect([...columns.caller.subarray(0, 3)]).toEqual([1, 5, 7]);
    // Start times as Unix seconds: a number per record, not an ISO string.
    expect([...columns.startedUnix.subarray(0, 3)]).toEqual([
      1_772_691_791, 1_772_691_840, 1_772_694_000,
    ]);
    expect(textAt(columns, columns.imsi[0]!)).toBe(null);
    expect(records.map((_, index) => callRecordAt(columns, index))).toEqual(records);
  });

  it('crosses between threads with its arrays moved, not copied', () => {
    const builder = callColumnsBuilder(3);
    for (const record of records) builder.add(record);
    const moved = structuredClone(builder.columns, {
      transfer: callColumnBuffers(builder.columns),
    });
    expect(builder.columns.line.length).toBe(0);
    expect(records.map((_, index) => callRecordAt(moved, index))).toEqual(records);
  });
});
