import type { RiskGrade } from './person-vocabulary';

/**
 * Drug-user risk grades differ by province (高/中/低 nationally; A/B/C or four colours locally).
 * The stored grade stays high/medium/low; each workspace names and colours it in settings.
 */
export const riskGradeColours = ['red', 'orange', 'yellow', 'blue', 'green', 'default'] as const;
type RiskGradeColour = (typeof riskGradeColours)[number];

interface RiskGradeName {
  /** The local name; empty for the national 高/中/低 of the UI's language. */
  label: string;
  colour: RiskGradeColour;
}

export const defaultRiskGradeNames: Record<RiskGrade, RiskGradeName> = {
  high: { label: '', colour: 'red' },
  medium: { label: '', colour: 'orange' },
  low: { label: '', colour: 'green' },
};
