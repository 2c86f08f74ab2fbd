import { describe, expect, it } from 'vitest';
import {
  titleBand,
  titledTimelineSvg,
} from '../../../renderer/src/features/analytics/timeline-title';

describe('an exported timeline’s title band', () => {
  it('names the case, the period, the day, the unit and the user, with the mark in red, above the chart', () => {
    const chart =
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="800" height="300"><rect/></svg>';
    const titled = titledTimelineSvg(
      chart,
      { width: 800, height: 300 },
      {
        title: '时间线 · A3301052026030015 “3·15”案 <甲>',
        subtitle:
          '2026-01-01 – 2026-06-30 · 制图日期 2026-12-06 · 滨江市公安局禁毒支队 · 演示管理员',
        mark: '秘密',
      },
    );
    expect([titled.width, titled.height]).toEqual([800, 300 + titleBand]);
    expect(titled.svg.match(/<\?xml/g)).toHaveLength(1);
    expect(titled.svg).toContain('>时间线 · A3301052026030015 “3·15”案 &lt;甲&gt;</text>');
    expect(titled.svg).toContain('制图日期 2026-12-06 · 滨江市公安局禁毒支队 · 演示管理员</text>');
    expect(titled.svg).toContain('fill="#cf1322">秘密</text>');
    expect(titled.svg).toContain(`<g transform="translate(0 ${titleBand})"><svg`);
    const none = titledTimelineSvg(
      chart,
      { width: 800, height: 300 },
      { title: 't', subtitle: 's', mark: '' },
    );
    expect(none.svg).not.toContain('#cf1322');
  });
});
