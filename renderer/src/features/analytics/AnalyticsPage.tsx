import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ColocationTab } from './ColocationTab';
import { CommonContactsTab } from './CommonContactsTab';
import { ContactProfileTab } from './ContactProfileTab';
import { MoneyTraceTab } from './MoneyTraceTab';
import { TimelineTab } from './TimelineTab';

const tabs = ['common', 'profile', 'colocation', 'money', 'timeline'] as const;

/** 研判: 话单碰撞, contact profiles, 同基站伴随, 资金穿透 and the timeline over the records. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const active = tabs.find((tab) => tab === params.get('tab')) ?? 'common';
  return (
    <>
      <PageHeader title={t('analytics.title')} />
      <Tabs
        activeKey={active}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        destroyOnHidden={false}
        items={[
          { key: 'common', label: t('analytics.common.tab'), children: <CommonContactsTab /> },
          { key: 'profile', label: t('analytics.profile.tab'), children: <ContactProfileTab /> },
          {
            key: 'colocation',
            label: t('analytics.colocation.tab'),
            children: <ColocationTab />,
          },
          { key: 'money', label: t('analytics.money.tab'), children: <MoneyTraceTab /> },
          { key: 'timeline', label: t('analytics.timeline.tab'), children: <TimelineTab /> },
        ]}
      />
    </>
  );
}
