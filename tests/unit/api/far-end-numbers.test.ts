import { describe, expect, it } from 'vitest';
import { parseFarEnd, parsePhone } from '../../../electron/api/domain/identifiers';
import {
  parseDateAndTime,
  parseDateAndTimeInstant,
  parseDuration,
  parseLocalDateTime,
  parseSignedAmount,
} from '../../../electron/core/io/import-values';

describe('far-end numbers as carriers print them', () => {
  it.each([
    ['13812345678', '13812345678', 'mobile', null],
    // A landline's extension is no part of the line (it had made 0871651234568001).
    ['0871-65123456-8001', '087165123456', 'landline', null],
    ['0871-6512 3456 转 8001', '087165123456', 'landline', null],
    ['(0871)65123456分机12', '087165123456', 'landline', null],
    // IoT cards (SIM watches, trackers): 13 digits, 14x or 1064x.
    ['1440123456789', '1440123456789', 'iot', null],
    ['1064812345678', '1064812345678', 'iot', null],
    ['1461234567890', '1461234567890', 'iot', null],
    ['10690012345678', '10690012345678', 'smsGateway', null],
    ['+86 138 1234 5678', '13812345678', 'mobile', null],
    ['008613812345678', '13812345678', 'mobile', null],
    ['8613812345678', '13812345678', 'mobile', null],
    ['+95 9 123 456 789', '+959123456789', 'international', 'MM'],
    ['00959123456789', '+959123456789', 'international', 'MM'],
    ['+856 20 5555 1234', '+8562055551234', 'international', 'LA'],
    ['+84 912 345 678', '+84912345678', 'international', 'VN'],
    ['10086', '10086', 'service', null],
    ['95555', '95555', 'service', null],
    ['12345', '12345', 'service', null],
    ['110', '110', 'service', null],
    ['4008123123', '4008123123', 'hotline', null],
    ['800-810-8888', '8008108888', 'hotline', null],
    ['0871-65123456', '087165123456', 'landline', null],
    ['+86 10 12345678', '01012345678', 'landline', null],
    // 86 before a landline with its 0, the + left out, as with it.
    ['+86 0871 65123456', '087165123456', 'landline', null],
    ['86 0871 65123456', '087165123456', 'landline', null],
    ['8608716512345', '08716512345', 'landline', null],
    ['86-010-12345678', '01012345678', 'landline', null],
    ['860755 88881234', '075588881234', 'landline', null],
    // The rest no landline's length, or a number of 86… that is no prefix: as printed.
    ['86010123456789', '86010123456789', 'unknown', null],
    ['860871651234', '860871651234', 'unknown', null],
    // A Kunming number of 8601 2345, its area put in front as for any local number.
    ['86012345', '087186012345', 'landline', null],
    ['8613812345678', '13812345678', 'mobile', null],
    ['65123456', '087165123456', 'landline', null],
    ['10690000123456', '10690000123456', 'smsGateway', null],
    ['２８７６５４３２１０１２３', '2876543210123', 'unknown', null],
    // A foreign number printed without + or 00: 12 digits or more from 2–9 are no CN number.
    ['8562055512345', '+8562055512345', 'international', 'LA'],
    ['959450123456', '+959450123456', 'international', 'MM'],
    // A 0 after the code is no country's but Italy's: a 95013 service number with digits after.
    ['95013123456789', '95013123456789', 'unknown', null],
    // 11 digits may be a CN landline without its 0 (0871 65123456, 0931 87654321 beginning
    // with Afghanistan's 93): left as printed.
    ['87165123456', '87165123456', 'unknown', null],
    ['93187654321', '93187654321', 'unknown', null],
    // 11 digits of a neighbour's numbering that no CN number has (no CN mobile begins with 8 or
    // 9, no area code is 084x or 095x): Vietnam's, Myanmar's and Laos's numbers, foreign.
    ['84912345678', '+84912345678', 'international', 'VN'],
    ['84 38 123 4567', '+84381234567', 'international', 'VN'],
    ['95945012345', '+95945012345', 'international', 'MM'],
    ['85621412345', '+85621412345', 'international', 'LA'],
    // A CN landline with its area code (0xx…) is one still.
    ['08491234567', '08491234567', 'landline', null],
    ['09591234567', '09591234567', 'landline', null],
    ['08565123456', '08565123456', 'landline', null],
    // IP long-distance prefixes and the long-distance 0 before a mobile: the number called.
    ['1795113812345678', '13812345678', 'mobile', null],
    ['17951013812345678', '13812345678', 'mobile', null],
    ['12593087165123456', '087165123456', 'landline', null],
    ['1019313812345678', '13812345678', 'mobile', null],
    ['10193008613812345678', '13812345678', 'mobile', null],
    ['17909 0755 8888 1234', '075588881234', 'landline', null],
    ['013812345678', '13812345678', 'mobile', null],
    ['01012345678', '01012345678', 'landline', null],
    // 飞信's prefix; a VoLTE list's tel: and sip: URIs.
    ['1252013900139000', '13900139000', 'mobile', null],
    // An IP prefix before an international call: the foreign number, as its calls back print it.
    ['1259300959450123456', '+959450123456', 'international', 'MM'],
    ['17951008562055512345', '+8562055512345', 'international', 'LA'],
    ['179110095945012345', '+95945012345', 'international', 'MM'],
    // 和多号: 12583 and the secondary number's digit.
    ['12583113912345678', '13912345678', 'mobile', null],
    ['12583313912345678', '13912345678', 'mobile', null],
    ['tel:+8613900139000', '13900139000', 'mobile', null],
    [
      'sip:+8613900139000@ims.mnc000.mcc460.3gppnetwork.org;user=phone',
      '13900139000',
      'mobile',
      null,
    ],
  ])('%s → %s (%s)', (raw, value, type, country) => {
    expect(parseFarEnd(raw, '0871')).toEqual({ ok: true, value, type, country });
  });

  it('a landline without area code stays local when no area is known', () => {
    expect(parseFarEnd('65123456')).toEqual({
      ok: true,
      value: '65123456',
      type: 'local',
      country: null,
    });
  });

  it.each(['', '-1', '未知', '1388', '138123456789', '+999 123', '0086', '+86', '0086 ', '00 86'])(
    'refuses %j',
    (raw) => {
      // The country code alone (0086) had been read as a phone with no number.
      expect(parseFarEnd(raw)).toEqual({ ok: false, problem: 'format' });
    },
  );

  it('the phone form takes a foreign supplier number but not a local fragment', () => {
    expect(parsePhone('+95 9 123 456 789')).toMatchObject({ ok: true, value: '+959123456789' });
    expect(parsePhone('65123456')).toEqual({ ok: false, problem: 'format' });
    expect(parsePhone('84912345678')).toMatchObject({ ok: true, value: '+84912345678' });
  });
});

describe('statement values', () => {
  it.each([
    ['12,500.00', 1_250_000],
    ['-3,000.00', -300_000],
    ['+200.5', 20_050],
    ['¥2,000.00', 200_000],
    ['５００．００元', 50_000],
    ['(80.00)', -8_000],
    // The sign after the amount, as some bank core systems print a debit.
    ['1,500.00-', -150_000],
    // The currency named before or after the amount.
    ['人民币 1,200.00', 120_000],
    ['1200.00 CNY', 120_000],
    ['RMB-12.50', -1_250],
    // Banks' CR/DR after the figure, grouping by ten thousands, zeros past the fen.
    ['1,000.00 CR', 100_000],
    ['1,000.00DR', -100_000],
    ['1,0000.00', 1_000_000],
    ['1000.000', 100_000],
  ])('amount %s → %d fen', (text, fen) => {
    expect(parseSignedAmount(text)).toEqual({ ok: true, value: fen });
  });

  it.each(['abc', '1,23,4', '', '(1,500.00-)', 'USD 12.00', '12.00 美元'])(
    'refuses amount %j',
    (text) => {
      expect(parseSignedAmount(text)).toEqual({ ok: false, problem: 'amount' });
    },
  );

  it('reads a number cell to the fen it holds: a fraction of a fen is refused, not rounded', () => {
    expect(parseSignedAmount(1234.5)).toEqual({ ok: true, value: 123_450 });
    expect(parseSignedAmount(0.1 + 0.2)).toEqual({ ok: true, value: 30 });
    expect(parseSignedAmount(1000.005)).toEqual({ ok: false, problem: 'amount' });
    // In 万元 a fen is the fourth decimal's hundredth.
    expect(parseSignedAmount(1.23456, 10_000)).toEqual({ ok: true, value: 1_234_560 });
  });

  it('reads the way written before the figure, with or without a colon', () => {
    expect(parseSignedAmount('借1,234.50')).toEqual({ ok: true, value: -123_450 });
    expect(parseSignedAmount('借：500.00')).toEqual({ ok: true, value: -50_000 });
    expect(parseSignedAmount('贷:20.00')).toEqual({ ok: true, value: 2_000 });
  });

  it('refuses a zero amount as moving nothing, not as unreadable', () => {
    expect(parseSignedAmount('0.00')).toEqual({ ok: false, problem: 'noMoney' });
    expect(parseSignedAmount('¥0')).toEqual({ ok: false, problem: 'noMoney' });
  });

  it.each([
    ['20260401', '171647', '2026-04-01T09:16:47.000Z'],
    ['2026-04-01', '7:05:00', '2026-03-31T23:05:00.000Z'],
    ['2026/4/1', '', '2026-03-31T16:00:00.000Z'],
    [46113, 0.5, '2026-04-01T04:00:00.000Z'],
    ['', '2026-04-01 17:16:47', '2026-04-01T09:16:47.000Z'],
    ['', '20260401171647', '2026-04-01T09:16:47.000Z'],
    // Spreadsheet cells: digits typed as numbers, a date serial and a time fraction, a time cell.
    [20260401, 171647, '2026-04-01T09:16:47.000Z'],
    [20260401, 91647, '2026-04-01T01:16:47.000Z'],
    [20260401, 0, '2026-03-31T16:00:00.000Z'],
    [46113, 0.7199884259259259, '2026-04-01T09:16:47.000Z'],
    [
      new Date('2026-04-01T00:00:00Z'),
      new Date('1899-12-30T17:16:47Z'),
      '2026-04-01T09:16:47.000Z',
    ],
    ['', 20260401171647, '2026-04-01T09:16:47.000Z'],
    // Bank core systems' DB2 timestamps and dotted clocks; Excel's Chinese 12-hour clock.
    ['', '2026-04-01-17.16.47.123456', '2026-04-01T09:16:47.000Z'],
    ['2026-04-01', '17.16.47', '2026-04-01T09:16:47.000Z'],
    ['', '20260401 171647', '2026-04-01T09:16:47.000Z'],
    ['', '2026年04月01日17:16:47', '2026-04-01T09:16:47.000Z'],
    ['', '2026/4/1 下午 5:16', '2026-04-01T09:16:00.000Z'],
    ['', '2026/4/1 上午 12:05', '2026-03-31T16:05:00.000Z'],
    ['', '2026/4/1 12:05 PM', '2026-04-01T04:05:00.000Z'],
    ['2026-04-01', '下午 5:16', '2026-04-01T09:16:00.000Z'],
    ['20260401', '5:16:47 PM', '2026-04-01T09:16:47.000Z'],
    // A date column that holds the whole time, beside no time column.
    ['2026-04-01 17:16:47', '', '2026-04-01T09:16:47.000Z'],
    ['2026年4月1日 17:16', '', '2026-04-01T09:16:00.000Z'],
    // ISO 8601 with its offset: the offset given, not China's.
    ['', '2026-04-01T17:16:47+08:00', '2026-04-01T09:16:47.000Z'],
    ['', '2026-04-01T09:16:47.250Z', '2026-04-01T09:16:47.000Z'],
    ['', '2026-04-01 02:16:47-0700', '2026-04-01T09:16:47.000Z'],
    ['', '2026-04-01T15:46+0630', '2026-04-01T09:16:00.000Z'],
  ] as const)('date %j + time %j → %s', (date, time, iso) => {
    expect(parseDateAndTime(date, time)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['65', 65],
    ['00:02:05', 125],
    ['1分30秒', 90],
    ['1小时2分', 3_720],
    ['1 分 5 秒', 65],
    ['83.0', 83],
    ['00:01:05.5', 66],
    ['00:00:59.4', 59],
    ['1m5s', 65],
    ['1\'05"', 65],
    // A time cell (Excel's day 0 and the time), also past a day ([h]:mm:ss).
    [new Date('1899-12-30T00:02:05Z'), 125],
    [new Date('1899-12-31T01:00:00Z'), 90_000],
  ])('duration %s → %d s', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: seconds });
  });

  it.each([
    ['2026-04-01', '0.5'],
    ['2026-04-01', '8.5'],
    ['', '2026-04-01 1.5'],
    ['', '2026/4/1 上午 5:16 PM'],
    ['', '2026-04-01T17:16:47+15:00'],
    ['', '2026-04-01T17:16:47+08:60'],
    ['', '2026-02-30T17:16:47Z'],
  ])(
    'refuses date %j + time %j (a dotted clock has two-digit minutes; one half of the day)',
    (date, time) => {
      expect(parseDateAndTime(date, time)).toEqual({ ok: false, problem: 'dateTime' });
    },
  );

  it.each(['1 5', '00 03 25', '83.5'])('refuses duration %j', (text) => {
    expect(parseDuration(text)).toEqual({ ok: false, problem: 'duration' });
  });

  it('refuses a date cell as a duration, and a number that is neither a day nor digits of one', () => {
    expect(parseDuration(new Date('2026-04-01T00:02:05Z'))).toEqual({
      ok: false,
      problem: 'duration',
    });
    expect(parseLocalDateTime(20260401171647)).toEqual({
      ok: true,
      value: '2026-04-01T09:16:47.000Z',
    });
    expect(parseLocalDateTime(99999999)).toEqual({ ok: false, problem: 'dateTime' });
    expect(parseLocalDateTime(-1)).toEqual({ ok: false, problem: 'dateTime' });
  });

  it.each([
    ['2024-02-29 12:00:00', '2024-02-29T04:00:00.000Z'],
    ['2000-02-29 00:00:00', '2000-02-28T16:00:00.000Z'],
    ['2026-12-31 23:59:59', '2026-12-31T15:59:59.000Z'],
    ['2026-02-29 12:00:00', null],
    ['2100-02-29 12:00:00', null],
    ['2026-04-31 12:00:00', null],
    ['2026-13-01 12:00:00', null],
    ['2026-00-10 12:00:00', null],
    ['2026-01-00 12:00:00', null],
    // The end of a day as some systems print it: the next day's midnight.
    ['2026-01-01 24:00:00', '2026-01-01T16:00:00.000Z'],
    ['2026-01-01 24:00:01', null],
    ['2026-01-01 23:60:00', null],
    ['0025-01-01 00:00:00', null],
    ['2026-01-01 下午 13:00', null],
  ])('a date and time is checked field by field: %s', (text, iso) => {
    expect(parseLocalDateTime(text)).toEqual(
      iso ? { ok: true, value: iso } : { ok: false, problem: 'dateTime' },
    );
    expect(parseDateAndTimeInstant(null, text)).toEqual(
      iso ? { ok: true, value: Date.parse(iso) } : { ok: false, problem: 'dateTime' },
    );
  });
});
