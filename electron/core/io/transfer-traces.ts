import { isIPv6 } from 'node:net';

/**
 * Where a transfer was made from, as statements print it (the 公安 standard bank reply's IP地址
 * and MAC地址, platforms' 设备号): read into one form so the same address on two statements is
 * the same text. What does not read as an address is kept as printed (nothing is dropped) but
 * is never an identifier that links accounts.
 */

/** 192.168.001.010, 1.2.3.4:8080, ::ffff:1.2.3.4 → 192.168.1.10, 1.2.3.4, 1.2.3.4. */
function ipv4Of(text: string): string | null {
  const match = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?::\d{1,5})?$/i.exec(text);
  if (!match) return null;
  const parts = match.slice(1, 5).map(Number);
  return parts.every((part) => part <= 255) ? parts.join('.') : null;
}

/** An IPv4 or IPv6 address in one form, or null when the text is none. */
export function ipAddressOf(text: string): string | null {
  const value = text.trim();
  const v4 = ipv4Of(value);
  if (v4) return v4;
  // [2408:8000::1]:443 as a client log writes it.
  const v6 = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/i.exec(value)?.[1] ?? value;
  return isIPv6(v6) ? v6.toLowerCase() : null;
}

/** A MAC address as 00:1A:2B:3C:4D:5E (from 00-1a-2b-3c-4d-5e, 001A.2B3C.4D5E, 001A2B3C4D5E). */
export function macAddressOf(text: string): string | null {
  const value = text.trim();
  if (
    !/^[0-9a-f]{2}([-:]?)[0-9a-f]{2}(\1[0-9a-f]{2}){4}$|^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(
      value,
    )
  )
    return null;
  const hex = value.replace(/[-:.]/g, '').toUpperCase();
  return hex.match(/../g)!.join(':');
}

/**
 * Addresses that name no machine: unset, broadcast, loopback and private-use IPs, and the MACs
 * a phone reports to apps that may not read the real one (Android's 02:00:00:00:00:00 since
 * version 6; iOS gives apps none). Kept on the row, never linking two accounts.
 */
const placeholderMacs = new Set(['00:00:00:00:00:00', 'FF:FF:FF:FF:FF:FF', '02:00:00:00:00:00']);

function isPlaceholderMac(mac: string): boolean {
  return placeholderMacs.has(mac);
}

/** A device ID that is a placeholder: all one character (0000…, FFFF…), or too short to tell. */
function isPlaceholderDevice(device: string): boolean {
  return device.length < 6 || /^(.)\1*$/.test(device.replace(/[-:]/g, ''));
}

/** An IP that places no one: unset, loopback, private ranges, link-local. */
function isUnplacedIp(ip: string): boolean {
  return (
    /^(0\.|127\.|10\.|192\.168\.|169\.254\.|255\.255\.255\.255$)/.test(ip) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(ip) ||
    ip === '::' ||
    ip === '::1' ||
    /^f[cd]|^fe[89ab]/.test(ip)
  );
}

export interface TransferTrace {
  ip: string | null;
  mac: string | null;
  device: string | null;
  branch: string | null;
  logNo: string | null;
  voucherNo: string | null;
}

/** A row's trace fields, the addresses normalised where they read as addresses. */
export function transferTrace(read: (field: keyof TransferTrace) => string | null): TransferTrace {
  const ip = read('ip');
  const mac = read('mac');
  return {
    ip: ip === null ? null : (ipAddressOf(ip) ?? ip),
    mac: mac === null ? null : (macAddressOf(mac) ?? mac),
    device: read('device'),
    branch: read('branch'),
    logNo: read('logNo'),
    voucherNo: read('voucherNo'),
  };
}

/**
 * The identifiers a row's trace gives its account: its IP when it places someone, its MAC and
 * device ID when they are a machine's own (not a placeholder).
 */
export function accountIdentifiersOf(trace: TransferTrace): ['ip' | 'mac' | 'device', string][] {
  const found: ['ip' | 'mac' | 'device', string][] = [];
  const ip = trace.ip === null ? null : ipAddressOf(trace.ip);
  if (ip && !isUnplacedIp(ip)) found.push(['ip', ip]);
  const mac = trace.mac === null ? null : macAddressOf(trace.mac);
  if (mac && !isPlaceholderMac(mac)) found.push(['mac', mac]);
  if (trace.device && !isPlaceholderDevice(trace.device)) found.push(['device', trace.device]);
  return found;
}
