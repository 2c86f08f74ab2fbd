import {
  callServiceOf,
  callTypeOf,
  type CallService,
  type CallType,
} from '../../api/domain/call-types';
import { headerKey } from '../../api/domain/import-templates';

/**
 * Codes a 话单 explains above its header, each for its own column: 呼叫类型：1-主叫 2-被叫
 * 3-主叫短信 4-被叫短信; 业务类型 1-语音 2-短信; 01主叫 02被叫; A：主叫 B：被叫. A legend is a run
 * of codes after a column's name; two legends (呼叫类型 1-主叫 2-被叫；短信收发标志 1-短信发送
 * 2-短信接收) are two maps, one per column: read as one, the second had overwritten the first
 * and every call had become a text message.
 */
export interface CallLegend {
  /** Code → call type, for the call-type column. */
  callType: Map<string, CallType>;
  /** Code → service, for the service column (业务类型 1-语音 2-短信). */
  service: Map<string, CallService>;
}

const entryPattern =
  /(?<![\dA-Za-z])(\d{1,2}|[A-Za-z])\s*[-—=:：.、为]?\s*((?:国内|本地|长途|漫游|语音|视频)?(?:主叫|被叫|呼转|呼叫转移|前转)(?:短信|通话)?|短信(?:发送|接收|主叫|被叫|上行|下行|发|收)?|发短信|收短信|彩信|语音|数据|上网|通话)/g;

/** A legend's words that name a service, not a direction. */
const serviceWord = /^(?:语音|短信|彩信|数据|上网|通话)$/;

export function readCallLegend(
  text: string,
  headers: string[],
  columns: { callType?: number; service?: number },
): CallLegend {
  const legend: CallLegend = { callType: new Map(), service: new Map() };
  const keys = headers.map(headerKey);
  /**
   * The column a legend's name names: the header it is exactly, else the longest it ends with
   * (呼叫类型, not 类型); -1 for none.
   */
  const columnNamed = (label: string) => {
    const key = headerKey(label);
    if (!key) return -1;
    let named = keys.indexOf(key);
    if (named < 0)
      keys.forEach((header, index) => {
        if (header && key.endsWith(header) && (named < 0 || header.length > keys[named]!.length))
          named = index;
      });
    return named;
  };
  for (const segment of text.split(/[；;\n]/)) {
    const entries = [...segment.matchAll(entryPattern)];
    if (!entries.length) continue;
    const named = columnNamed(
      segment
        .slice(0, entries[0]!.index)
        .replace(/^.*?(?:说明|注|备注)[:：]?/, '')
        .replace(/[\s:：,，]+$/, ''),
    );
    // A legend named for another column than the one it would be read for is not read.
    const otherColumn = (column: number | undefined) => named >= 0 && named !== column;
    for (const [, code, word] of entries) {
      if (serviceWord.test(word!)) {
        const service = callServiceOf(word!);
        if (service && !otherColumn(columns.service) && !legend.service.has(code!))
          legend.service.set(code!, service);
        continue;
      }
      const type = callTypeOf(word!);
      if (type && !otherColumn(columns.callType) && !legend.callType.has(code!))
        legend.callType.set(code!, type);
    }
  }
  return legend;
}
