import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { statsRules } from '../../electron/api/domain/stats-rules';
import type { UnitStats } from '../../electron/api/schemas/stats-schemas';
import { StatisticsPage } from '../../renderer/src/features/statistics/StatisticsPage';
import { installFakeBridge, Providers } from './fake-bridge';

const stats: UnitStats = {
  from: '2026-01-01',
  to: '2026-12-31',
  unit: null,
  casesOpened: 3,
  administrativeCases: 1,
  casesSolved: 3,
  substituteCasesSolved: 1,
  suspectsArrested: 4,
  measures: { detained: 4, arrested: 2, prosecuted: 1, compulsoryIsolation: 1 },
  drugsMilligrams: 31_000,
  precursorsMilligrams: 2_970_000_000,
  drugs: [],
  otherSeized: [],
  gangsBroken: 1,
  factoriesDestroyed: 1,
  densDestroyed: 0,
  solvedBySupervision: { ministry: 1, province: 1, city: 0, notable: 0, ordinary: 1 },
  drugUsersFound: 2,
  newDrugUsers: 1,
  drugMoneyFen: 1_234_567,
  incomplete: [
    { kind: 'suspectsWithoutCaughtOn', count: 3 },
    { kind: 'seizuresWithoutContent', count: 1 },
  ],
  months: [],
  units: ['一大队'],
  paragraph: '2026年1月1日至2026年12月31日，破获毒品刑事案件 3 起。',
};

describe('StatisticsPage (成绩单)', () => {
  it('writes the counting rule next to every figure, target cases included, and says what was not counted', async () => {
    installFakeBridge({ 'stats.unit': () => ({ ok: true, value: stats }) });
    render(
      <Providers>
        <MemoryRouter initialEntries={['/statistics?from=2026-01-01&to=2026-12-31']}>
          <StatisticsPage />
        </MemoryRouter>
      </Providers>,
    );
    await screen.findByTestId('stats-paragraph');
    const rules = statsRules['zh-CN'];
    const cardOf = (key: string) => screen.getByTestId(`unit-${key}`).closest('.ant-card')!;
    const shown: [string, keyof typeof rules][] = [
      ['casesSolved', 'casesSolved'],
      ['substituteCasesSolved', 'substituteCasesSolved'],
      ['suspectsArrested', 'suspectsArrested'],
      ['detained', 'detained'],
      ['arrested', 'arrested'],
      ['prosecuted', 'prosecuted'],
      ['drugsKg', 'drugs'],
      ['precursorsKg', 'precursors'],
      ['gangsBroken', 'gangsBroken'],
      ['factoriesDestroyed', 'factoriesDestroyed'],
      ['densDestroyed', 'densDestroyed'],
      ['drugUsersFound', 'drugUsersFound'],
      ['newDrugUsers', 'newDrugUsers'],
      ['compulsoryIsolation', 'compulsoryIsolation'],
      ['drugMoney', 'drugMoney'],
      ['casesOpened', 'casesOpened'],
      ['administrativeCases', 'administrativeCases'],
    ];
    for (const [key, rule] of shown) expect(cardOf(key).textContent).toContain(rules[rule]);
    // Target cases by level: the table of levels carries its rule too.
    const targets = screen.getByTestId('stats-target-cases');
    expect(targets.textContent).toContain('公安部目标案件');
    expect(targets.textContent).toContain(rules.targetCases);
    // Every rule of the 成绩单 is on the page.
    const page = document.body.textContent ?? '';
    expect(Object.values(rules).filter((rule) => !page.includes(rule))).toEqual([]);
    await waitFor(() =>
      expect(screen.getByTestId('stats-incomplete').textContent).toBe(
        '数据不完整，以下未计入统计3 名嫌疑人缺少到案日期；1 条缴获需录入含量',
      ),
    );
  }, 60_000);
});
