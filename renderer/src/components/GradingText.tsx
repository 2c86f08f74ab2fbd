import { QuestionCircleOutlined } from '@ant-design/icons';
import { Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  informationCredibilities,
  sourceReliabilities,
} from '../../../electron/api/domain/relation-types';

type Reliability = (typeof sourceReliabilities)[number];
type Credibility = (typeof informationCredibilities)[number];

/** "B 通常可靠" — a grade with its meaning, never a bare letter or digit. */
export function useGradeLabels() {
  const { t } = useTranslation();
  return {
    reliability: (grade: Reliability) => `${grade} ${t(`grading.reliability.${grade}`)}`,
    credibility: (grade: Credibility) =>
      `${grade} ${t(`grading.credibility.${String(grade) as `${Credibility}`}`)}`,
  };
}

/** The 6×6 scheme in words, on hover: for form labels and table headers. */
export function GradingHelp({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('grading.scheme')} styles={{ root: { maxWidth: 420 } }}>
      <Space size={4} data-testid="grading-help">
        {children}
        <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
      </Space>
    </Tooltip>
  );
}

/** A relation's grading as words ("B 通常可靠 · 2 很可能属实"), the scheme on hover. */
export function GradingText({
  reliability,
  credibility,
}: {
  reliability: string | null;
  credibility: number | null;
}) {
  const { t } = useTranslation();
  const labels = useGradeLabels();
  if (!reliability && !credibility) return null;
  const parts = [
    reliability ? labels.reliability(reliability as Reliability) : null,
    credibility ? labels.credibility(credibility as Credibility) : null,
  ].filter(Boolean);
  return (
    <Tooltip title={t('grading.scheme')} styles={{ root: { maxWidth: 420 } }}>
      <Typography.Text data-testid="grading-text">{parts.join(' · ')}</Typography.Text>
    </Tooltip>
  );
}
