import { describe, expect, it } from 'vitest';
import { callServiceOf, callTypeOf } from '../../../electron/api/domain/call-types';

/** Call-type and service values as the three carriers' 话单 print them. */
describe('call types as carriers print them', () => {
  it.each([
    ['主叫', 'out'],
    ['被叫', 'in'],
    ['本地主叫', 'out'],
    ['国内长途被叫', 'in'],
    ['漫游主叫', 'out'],
    ['主叫(本地)', 'out'],
    // A note naming the other end: the type before it.
    ['被叫(主叫挂机)', 'in'],
    ['主叫（被叫忙）', 'out'],
    // A message whose note gives its way (a tester's 联通 list had them refused).
    ['短信(MO)', 'smsOut'],
    ['短信（MT）', 'smsIn'],
    ['SMS(MO)', 'smsOut'],
    ['彩信(MT)', 'smsIn'],
    ['VoLTE主叫', 'out'],
    ['视频被叫', 'in'],
    ['MOC', 'out'],
    ['mtc', 'in'],
    // The other codes of the MOC/MTC family: a forward, the leg to a roaming target.
    ['FORW', 'forwarded'],
    ['CFU', 'forwarded'],
    ['ROAM', 'in'],
    // 5G消息 (RCS) is a message.
    ['5G消息发送', 'smsOut'],
    ['5G消息接收', 'smsIn'],
    ['MO', 'out'],
    ['呼叫转移', 'forwarded'],
    ['无条件前转', 'forwarded'],
    ['CFW', 'forwarded'],
    ['短信发', 'smsOut'],
    ['主叫短信', 'smsOut'],
    ['短信被叫', 'smsIn'],
    ['MO_SMS', 'smsOut'],
    ['SMS MT', 'smsIn'],
    ['发送短信', 'smsOut'],
    ['接收彩信', 'smsIn'],
    ['点对点短信上行', 'smsOut'],
    ['去电', 'out'],
    ['来电', 'in'],
    ['主叫始发', 'out'],
    ['被叫终接', 'in'],
    ['SMO', 'smsOut'],
    ['SMMT', 'smsIn'],
    ['Calling', 'out'],
    ['Called', 'in'],
    ['拨入', 'in'],
    ['呼叫等待', 'in'],
    // A call the target turned down came in.
    ['拒接', 'in'],
    ['拒接来电', 'in'],
    ['三方通话', 'out'],
  ])('%s → %s', (value, type) => {
    expect(callTypeOf(value)).toBe(type);
  });

  it.each(['视频', '本地通话', '国内长途', '短信', '主叫/被叫', '主被叫', '', '语音'])(
    '%s names no direction',
    (value) => {
      expect(callTypeOf(value)).toBeUndefined();
    },
  );

  it('a 主叫 or 被叫 row of an SMS service is a message sent or received', () => {
    expect([callTypeOf('主叫', 'sms'), callTypeOf('本地被叫', 'sms')]).toEqual(['smsOut', 'smsIn']);
    expect([callTypeOf('主叫', 'call'), callTypeOf('呼转', 'sms')]).toEqual(['out', 'forwarded']);
  });

  it.each([
    ['语音', 'call'],
    ['VoLTE', 'call'],
    ['本地通话', 'call'],
    ['短信', 'sms'],
    ['5G消息', 'sms'],
    ['彩信', 'sms'],
    ['SMS', 'sms'],
    ['上网', 'data'],
    ['GPRS', 'data'],
    ['4G数据流量', 'data'],
    ['data', 'data'],
    ['语音(流量)', 'call'],
    ['国内长途', undefined],
    ['', undefined],
  ])('service %s → %s', (value, service) => {
    expect(callServiceOf(value)).toBe(service);
  });
});
