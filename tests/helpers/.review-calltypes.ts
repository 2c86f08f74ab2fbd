import { callTypeOf, callServiceOf } from '../../electron/api/domain/call-types';
import { parsePhone } from '../../electron/api/domain/identifiers';
const vals = ['主叫', '被叫', '本地主叫', '国内长途被叫', 'VoLTE主叫', 'MOC', 'MTC', 'MO', 'MT', 'MO_SMS', 'SMS_MT', 'SMSMO', 'MOSMS', 'MO-SMS', 'mo sms', '主叫短信', '被叫短信', '短信发送', '短信接收', '发送', '接收', '短信', '彩信', '彩信发', '短信上行', '视频主叫', '视频被叫', '呼转', '呼叫转移', '被叫(呼转)', '主叫转接', '转接', '无条件前转', 'CFW', 'CF', '来电', '去电', '呼入', '呼出', '未接', '未接听', '拒接', '主叫(漫游)', '漫游被叫', '主被叫', '始发', '终接', 'MOC_SMS', 'MTC_SMS', 'SMS', 'ussd', 'GPRS', 'MO_CALL', 'MT_CALL', 'MOCALL', 'MTCALL', 'Outgoing call', 'Incoming call', 'out', 'in', '0', '1', '01', '02', '主叫短信回执', '短信收发', '点对点短信', '短消息发送', '被叫转移', '呼叫前转主叫', '国际漫游主叫', 'IMS主叫', 'VOLTE_MO', 'VOLTE-MT', 'SMO', 'SMT', 'SMS-MO-CDR', 'moc_cdr', 'MOCDR', 'MTCDR', 'MO_SMS_CDR'];
for (const v of vals) console.log(v.padEnd(14), '|', callTypeOf(v), '|', callTypeOf(v, 'sms'), '| svc', callServiceOf(v));
console.log('---svc');
for (const v of ['语音', '短信', '上网', 'GPRS', '4G上网', 'VoLTE', '视频通话', '数据', '流量', 'WAP', '彩信', '语音通话', '本地', '国内长途', '漫游', '国际长途', '移动数据', 'PS域', 'CS域', 'LTE', '5G', 'IMS', 'WLAN', '宽带', '彩铃', '短信(点对点)', '数据短信', 'SMS', 'MMS', 'VoWiFi', 'Data', 'Voice', '增值业务', '呼转', '上网流量', '智能网', 'IP电话', '17951IP', '网络电话']) console.log(v.padEnd(10), callServiceOf(v));
console.log('---phone');
for (const v of ['13987654321 2026', '1398765', '13987654321 2026-04-01 2026-0', '+86 139 8765 4321', '0871-65123456', '10086', '95533']) console.log(v, JSON.stringify(parsePhone(v)));
