import { describe, expect, it } from 'vitest';
import {
  accountIdentifiersOf,
  ipAddressOf,
  macAddressOf,
  transferTrace,
} from '../../electron/core/io/transfer-traces';

describe('IP and MAC addresses as statements print them', () => {
  it.each([
    ['117.136.001.002', '117.136.1.2'],
    ['117.136.1.2:8080', '117.136.1.2'],
    ['::ffff:117.136.1.2', '117.136.1.2'],
    ['2408:8000:ABCD::1', '2408:8000:abcd::1'],
    ['[2408:8000::1]:443', '2408:8000::1'],
    ['256.1.1.1', null],
    ['1.2.3', null],
    ['手机银行', null],
  ])('IP %s → %s', (text, ip) => expect(ipAddressOf(text)).toBe(ip));

  it.each([
    ['00-1a-2b-3c-4d-5e', '00:1A:2B:3C:4D:5E'],
    ['001A2B3C4D5E', '00:1A:2B:3C:4D:5E'],
    ['001a.2b3c.4d5e', '00:1A:2B:3C:4D:5E'],
    ['00:1A-2B:3C:4D:5E', null],
    ['00:1A:2B:3C:4D', null],
    ['GG:1A:2B:3C:4D:5E', null],
  ])('MAC %s → %s', (text, mac) => expect(macAddressOf(text)).toBe(mac));

  it('keeps what reads as no address as printed, but never as an identifier', () => {
    const trace = transferTrace(
      (field) =>
        ({
          ip: '未知',
          mac: '02-00-00-00-00-00',
          device: '000000',
          branch: null,
          logNo: null,
          voucherNo: null,
        })[field],
    );
    expect(trace).toEqual({
      ip: '未知',
      mac: '02:00:00:00:00:00',
      device: '000000',
      branch: null,
      logNo: null,
      voucherNo: null,
    });
    expect(accountIdentifiersOf(trace)).toEqual([]);
    const identifiers = (ip: string) =>
      accountIdentifiersOf({ ...trace, ip, mac: null, device: null });
    for (const unplaced of [
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '127.0.0.1',
      '0.0.0.0',
      '169.254.1.1',
      '::1',
      'fe80::1',
      'fd00::1',
    ])
      expect(identifiers(unplaced)).toEqual([]);
    expect(identifiers('172.32.0.1')).toEqual([['ip', '172.32.0.1']]);
    expect(
      accountIdentifiersOf({ ...trace, mac: '3C-22-FB-01-02-03', device: 'IDFA-77F2-9C01' }),
    ).toEqual([
      ['mac', '3C:22:FB:01:02:03'],
      ['device', 'IDFA-77F2-9C01'],
    ]);
  });
});
