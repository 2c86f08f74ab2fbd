import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskGrade } from '../../../electron/api/domain/person-vocabulary';
import { defaultRiskGradeNames } from '../../../electron/api/domain/risk-grades';
import { useProcedure } from '../api/hooks';

/** The workspace's name and colour of a risk grade (settings), else the national 高/中/低. */
export function useRiskGradeName(): (grade: RiskGrade) => { label: string; colour: string } {
  const { t } = useTranslation();
  const settings = useProcedure('settings.get', {});
  const names = settings.data?.riskGrades ?? defaultRiskGradeNames;
  return (grade) => ({
    label: names[grade].label || t(`enums.riskGrade.${grade}`),
    colour: names[grade].colour,
  });
}

export function RiskGradeTag({ grade }: { grade: RiskGrade }) {
  const name = useRiskGradeName()(grade);
  return (
    <Tag color={name.colour} data-testid={`risk-grade-${grade}`}>
      {name.label}
    </Tag>
  );
}
