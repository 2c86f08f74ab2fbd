import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A call list a system saved as a web page under an .xls name (an HTML table), and a system's
 * error page saved so. One over 4 MB goes to the two parser threads of a large call list
 * (plan-split), which read delimited text: a page whose table began past its first 4 MiB (a
 * long head: styles, an inline logo) had been read as such text, and an error page had not
 * been said to be one. Both now read as their small copies do.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const owner = '13987650001';
const others = ['13812340001', '13812340002', '13812340003'];
/** An inline logo of about 4.3 MB, as a bank's page may carry in its head. */
const logo = `<style>.logo{background:url(data:image/png;base64,${'iVBORw0KGgo'.repeat(400_000)})}</style>`;

/** `count` calls of 60 s from the owner, in turn with each other number, 主叫 and 被叫 alternating. */
function callPage(count: number, head: string): Buffer {
  const rows: string[] = [];
  const start = Date.UTC(2026, 2, 1, 1, 0, 0);
  for (let index = 0; index < count; index += 1) {
    const at = new Date(start + index * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    const kind = index % 2 ? '被叫' : '主叫';
    rows.push(
      `<tr><td>${owner}</td><td>${others[index % 3]}</td><td>${kind}</td><td>${at}</td><td>60</td></tr>`,
    );
  }
  return Buffer.from(
    `<html><head><meta charset="utf-8"><title>话单查询</title>${head}</head><body><table>` +
      '<tr><td>本机号码</td><td>对方号码</td><td>呼叫类型</td><td>开始时间</td><td>通话时长</td></tr>' +
      `${rows.join('\n')}</table></body></html>`,
  );
}

/** Each directed pair's calls and seconds, `from>to: calls seconds`. */
function pairs(): string[] {
  return c.router.sessions
    .current()!
    .sqlite.prepare(
      `SELECT caller.label || '>' || callee.label || ': ' || count(*) || ' ' ||
          sum(c.duration_seconds) AS pair
         FROM call_records c JOIN relations r ON r.num = c.relation_num
         JOIN entities caller ON caller.id = r.from_entity_id
         JOIN entities callee ON callee.id = r.to_entity_id
        GROUP BY caller.label, callee.label ORDER BY caller.label, callee.label`,
    )
    .all()
    .map((row) => (row as { pair: string }).pair);
}

async function commit(page: Buffer) {
  c?.dispose();
  c = makeTestCore();
  await createTestWorkspace(c);
  return await c.call('import.commit', {
    importId: 'imp-page',
    fileName: '话单.xls',
    contentBase64: page.toString('base64'),
    template: 'calls',
  });
}

describe('a call list saved as a web page (.xls)', () => {
  it('whose table starts past 4 MiB, the page over 5 MB, reads as the same table with a short head does', async () => {
    const expected = [
      `13812340001>${owner}: 1000 60000`,
      `13812340002>${owner}: 1000 60000`,
      `13812340003>${owner}: 1000 60000`,
      `${owner}>13812340001: 1000 60000`,
      `${owner}>13812340002: 1000 60000`,
      `${owner}>13812340003: 1000 60000`,
    ];
    const small = callPage(6_000, '');
    expect(small.length).toBeLessThan(1_000_000);
    expect(await commit(small)).toMatchObject({ ok: true, value: { rows: 6_000 } });
    expect(pairs()).toEqual(expected);
    const large = callPage(6_000, logo);
    expect(large.length).toBeGreaterThan(5_000_000);
    expect(await commit(large)).toMatchObject({ ok: true, value: { rows: 6_000 } });
    expect(pairs()).toEqual(expected);
  });

  it('an error page of over 5 MB with no table is said to be a page, as a small one is', async () => {
    const page = (script: string) =>
      Buffer.from(
        `<!DOCTYPE html><html><head><title>话单查询</title><script>${script}</script></head>` +
          '<body><div>系统错误：查询超时</div></body></html>',
      );
    const refused = {
      ok: false,
      error: { code: 'import.webPage', details: { text: '系统错误：查询超时' } },
    };
    expect(await commit(page('var a = 1;'))).toMatchObject(refused);
    const large = page('var trace = "0123456789abcdef";\n'.repeat(160_000));
    expect(large.length).toBeGreaterThan(5_000_000);
    expect(await commit(large)).toMatchObject(refused);
  });
});
