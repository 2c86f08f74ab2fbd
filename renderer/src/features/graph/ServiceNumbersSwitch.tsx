import { Space, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isServicePhone } from '../../../../electron/api/domain/identifiers';
import { setFilters, type ChartCommand, type ChartState } from './chart-state';

interface Props {
  chart: { state: ChartState; execute(command: ChartCommand): void };
}

/**
 * "隐藏服务号码": one switch, on by default, that takes 10086, 95555, 400/800 numbers and SMS
 * gateways (and their relations) off the chart: imported call lists tie every target to them.
 * It is a chart filter, so undo and saved views keep it.
 */
export function ServiceNumbersSwitch({ chart }: Props) {
  const { t } = useTranslation();
  const { filters, nodes } = chart.state;
  // Counted when the entities change, not on every render of the page (10,000 entities: ~20 ms).
  const count = useMemo(() => Object.values(nodes).filter(isServicePhone).length, [nodes]);
  return (
    <Space size={6}>
      <Switch
        size="small"
        checked={!filters.showServiceNumbers}
        aria-label={t('graph.serviceNumbers.hide')}
        data-testid="hide-service-numbers"
        onChange={(hide) => {
          const { showServiceNumbers: _shown, ...rest } = filters;
          chart.execute(setFilters(hide ? rest : { ...rest, showServiceNumbers: true }));
        }}
      />
      <Typography.Text type="secondary">
        {t('graph.serviceNumbers.hide')}
        {count > 0 && ` (${count})`}
      </Typography.Text>
    </Space>
  );
}
