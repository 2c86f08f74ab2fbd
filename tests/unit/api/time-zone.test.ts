import { describe, expect, it } from 'vitest';
import {
  defaultTimeZone,
  isTimeZone,
  nextDay,
  timeZoneNames,
  zonedDateTime,
  zonedDay,
  zonedDayStart,
  zonedStamp,
} from '../../../electron/api/domain/time-zone';

describe('dates in the workspace zone, whatever the process zone', () => {
  it('runs with the process in UTC (vitest sets TZ), so a process-zone date would be wrong', () => {
    expect(process.env['TZ']).toBe('UTC');
    expect(new Date('2026-03-23T19:15:00.000Z').getDate()).toBe(23);
  });

  it('names the calendar day of an instant in the zone', () => {
    const seizure = '2026-03-23T19:15:00.000Z'; // 03:15 on the 24th in Beijing
    expect(defaultTimeZone).toBe('Asia/Shanghai');
    expect(zonedDay(seizure, 'Asia/Shanghai')).toBe('2026-03-24');
    expect(zonedDay(seizure, 'UTC')).toBe('2026-03-23');
    expect(zonedDay(seizure, 'America/New_York')).toBe('2026-03-23');
    expect(zonedDay('2026-03-24', 'America/New_York')).toBe('2026-03-24');
    expect(zonedDateTime(seizure, 'Asia/Shanghai')).toBe('2026-03-24 03:15');
    expect(zonedDateTime(seizure, 'Asia/Kolkata')).toBe('2026-03-24 00:45');
    expect(zonedStamp('2026-03-23T16:00:05.000Z', 'Asia/Shanghai')).toBe('20260324-000005');
    expect(zonedStamp('2026-12-31T23:59:59.999Z', 'UTC')).toBe('20261231-235959');
  });

  it('finds where a calendar day begins, across a daylight-saving change', () => {
    expect(zonedDayStart('2026-03-24', 'Asia/Shanghai')).toBe('2026-03-23T16:00:00.000Z');
    expect(zonedDayStart('2026-03-24', 'UTC')).toBe('2026-03-24T00:00:00.000Z');
    // New York: EST (−5) until 8 March 2026, EDT (−4) from then.
    expect(zonedDayStart('2026-03-07', 'America/New_York')).toBe('2026-03-07T05:00:00.000Z');
    expect(zonedDayStart('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('knows the IANA zones and refuses what is not one', () => {
    const names = timeZoneNames();
    expect(names[0]).toBe('UTC');
    expect(names).toContain('Asia/Shanghai');
    expect(names).toContain('Asia/Urumqi');
    expect(new Set(names).size).toBe(names.length);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
