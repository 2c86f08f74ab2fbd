import { aliasMatcher, headerKey, remembered } from './import-templates';

/** The direction of a call-list row, from the call-type column. */
export type CallType = 'out' | 'in' | 'forwarded' | 'smsOut' | 'smsIn';

/** Call-type values as carriers print them, compared like headers (no spaces, lower case). */
const callTypeAliases: Record<CallType, string[]> = {
  out: ['主叫', '呼出', 'mo', '主叫通话', '去话', '拨出', '出', '主', 'out', 'outgoing', '语音主叫', 'moc', 'calling', '三方通话', '多方通话', '紧急呼叫', '紧急呼叫主叫'],
  in: ['被叫', '呼入', 'mt', '被叫通话', '来话', '接听', '入', '被', 'in', 'incoming', '语音被叫', 'mtc', 'called', '拨入', '呼叫等待', '来电', '未接', '未接来电', '未接听', '漏话', '拒接', '拒接来电', '已拒接', 'roam', 'mtroam'],
  forwarded: ['呼转', '前转', '呼叫转移', '转接', '呼转通话', '无条件前转', 'cf', 'cfw', 'forwarded', 'forward', 'forw', 'cfu', 'cfb', 'cfnry', 'cfnrc'],
  smsOut: ['短信发', '发短信', '短信发送', '短信主叫', 'sms-mo', 'smsmo', 'sms_mo', '发送短信', '短信(发)', '短信上行', 'sms发', 'smsout', 'mosms', '发送', '发出', '已发送', 'smo', 'smmo', 'sm-mo', 'sm_mo', 'mo_sm'],
  smsIn: ['短信收', '收短信', '短信接收', '短信被叫', 'sms-mt', 'smsmt', 'sms_mt', '接收短信', '短信(收)', '短信下行', 'sms收', 'smsin', 'mtsms', '接收', '收到', '已接收', 'smt', 'smmt', 'sm-mt', 'sm_mt', 'mt_sm'],
}; // prettier-ignore

/**
 * What a service column (业务类型) says a row is: a forwarded call (呼转) too, and a phone's
 * signalling with the network (位置更新, 开机, 切换: a tower dump's rows of phones that placed no
 * call, each one seen on the cell).
 */
export type CallService = 'call' | 'sms' | 'data' | 'forwarded' | 'signal';

// 5G消息 (RCS, 富媒体消息) is a message, not a call of no length.
const messageWords = /短信|短消息|彩信|sms|mms|5g消息|rcs|富媒体消息/;
const forwardWords = /呼转|前转|转移|转接|callforward|cfw/;
const outWords = /主叫|呼出|拨出|去话|去电|始发|moc|^mo(?![a-z])|(?<![a-z])mo$|outgoing/;
const inWords = /(?<!主)被叫|呼入|拨入|来话|来电|接听|终接|mtc|^mt(?![a-z])|(?<![a-z])mt$|incoming/;
// A message's direction is also said with 发/收 alone (短信发送, 收短信, 上行/下行).
const messageOut = /发|上行/;
const messageIn = /收|下行/;
const dataWords = /数据|上网|流量|gprs|wap|cmnet|ctnet|evdo|无线宽带|wlan|internet|ps域|^data/;
const callWords = /语音|通话|电话|voice|volte|视频/;
const signalWords =
  /位置更新|位置登记|周期性?登记|开机|关机|切换|寻呼|附着|去附着|分离|鉴权|locationupdat|handover|paging|imsiattach|imsidetach|^attach$|^detach$|poweron|poweroff/;

const exactType = aliasMatcher(callTypeAliases);

function oneOf<T>(a: boolean, b: boolean, ifA: T, ifB: T): T | undefined {
  return a === b ? undefined : a ? ifA : ifB;
}

/**
 * A call type from what carriers put in the column: the plain values (主叫, 被叫, 短信发…)
 * and the compound ones (本地主叫, 国内长途被叫, 漫游主叫, VoLTE主叫, 主叫短信, MOC/MTC,
 * MO_SMS). `service` is what a separate service column said of the row: a 主叫 row of an SMS
 * service is a message sent. Undefined when the value names no direction or both.
 */
export function callTypeOf(value: string, service?: CallService): CallType | undefined {
  const exact = exactType(value);
  const key = headerKey(value);
  const message = service === 'sms' || messageWords.test(key);
  if (exact) {
    if (!message || exact === 'smsOut' || exact === 'smsIn') return exact;
    return exact === 'out' ? 'smsOut' : exact === 'in' ? 'smsIn' : exact;
  }
  if (forwardWords.test(key)) return 'forwarded';
  const out = outWords.test(key);
  const into = inWords.test(key);
  const found = message
    ? oneOf(out || messageOut.test(key), into || messageIn.test(key), 'smsOut', 'smsIn')
    : oneOf(out, into, 'out', 'in');
  // A type with a note naming the other end (被叫(主叫挂机), 主叫（被叫忙）): the type before it;
  // a message whose note gives its way (短信(MO), 短信（MT）): the note's, as a message.
  const noted = found ? null : /^([^(（]+)[(（]([^)）]*)[)）]$/.exec(value.trim());
  if (!noted) return found;
  return (
    callTypeOf(noted[1]!, service) ??
    (messageWords.test(headerKey(noted[1]!)) ? callTypeOf(noted[2]!, 'sms') : undefined)
  );
}

/**
 * Whether a call-type value (上网, GPRS, CMNET…) says the row is a mobile-data session. Asked
 * of every row: a column's few values are remembered.
 */
export const callTypeSaysData = remembered((value) => dataWords.test(headerKey(value)));

/** Whether a call-type value (位置更新, 开机, 切换…) says the row is the phone's signalling. */
export const callTypeSaysSignal = remembered((value) => signalWords.test(headerKey(value)));

/** What a service column's value says the row is; undefined when it says neither. */
export function callServiceOf(value: string): CallService | undefined {
  const key = headerKey(value);
  if (!key) return undefined;
  if (messageWords.test(key)) return 'sms';
  if (forwardWords.test(key)) return 'forwarded';
  // A call word first: 语音(流量) is a call (VoLTE), not a data session.
  if (callWords.test(key)) return 'call';
  if (signalWords.test(key)) return 'signal';
  if (dataWords.test(key)) return 'data';
  return undefined;
}
