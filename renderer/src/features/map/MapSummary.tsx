import { Card, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MapData } from '../../../../electron/api/schemas/map-schemas';
import { formatAmount } from './map-format';
import type { MapTexts } from './map-option';

/**
 * Beside the map: the supply flows between regions (with what was seized from buyers), the base
 * stations placed with the phones seen there, and counts per province.
 */
export function MapSummary({ data, texts }: { data: MapData; texts: MapTexts }) {
  const { t } = useTranslation();
  const label = (key: string) => {
    const region = data.regions.find((candidate) => candidate.key === key);
    return region
      ? `${texts.province(region.provinceName)}${region.prefectureName ? ` ${region.prefectureName}` : ''}`
      : key;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('map.layers.flows')} data-testid="map-flows">
        {data.flows.length ? (
          data.flows.map((flow) => (
            <Typography.Paragraph key={`${flow.fromKey}-${flow.toKey}`} style={{ marginBottom: 6 }}>
              {label(flow.fromKey)} → {label(flow.toKey)} · {texts.links(flow.links)}
              {flow.seized.map((s) => (
                <div key={`${s.drugType}-${s.normalisedUnit}`}>
                  <Typography.Text type="secondary">
                    {t('map.seizedFromBuyers')} {texts.drug(s.drugType)}{' '}
                    {formatAmount(s.amount, s.normalisedUnit)}
                  </Typography.Text>
                </div>
              ))}
            </Typography.Paragraph>
          ))
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('map.noFlows')} />
        )}
        {(data.localLinks > 0 || data.unplacedLinks > 0) && (
          <Typography.Text type="secondary">
            {t('map.linkNote', { local: data.localLinks, unplaced: data.unplacedLinks })}
          </Typography.Text>
        )}
      </Card>
      {data.stations.length > 0 && (
        <Card size="small" title={t('map.layers.stations')} data-testid="map-stations">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
            {t('map.stationsNote')}
          </Typography.Paragraph>
          {data.stations.map((station) => (
            <Typography.Paragraph key={station.cell} style={{ marginBottom: 6 }}>
              {station.address ?? station.cell}
              {station.address && (
                <Typography.Text type="secondary"> · {station.cell}</Typography.Text>
              )}
              <div>
                <Typography.Text type="secondary">
                  {texts.named(
                    t('map.stationPhones', { count: station.phoneCount }),
                    texts.list(
                      station.phones.map((phone) =>
                        texts.aside(phone.number, String(phone.sightings)),
                      ),
                    ),
                  )}
                  {station.phoneCount > station.phones.length ? '…' : ''}
                </Typography.Text>
              </div>
            </Typography.Paragraph>
          ))}
        </Card>
      )}
      <Card size="small" title={t('map.provinces')} data-testid="map-provinces">
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={data.provinces}
          columns={[
            {
              title: t('map.province'),
              dataIndex: 'mapName',
              render: (mapName: string) => texts.province(mapName),
            },
            { title: t('map.layers.households'), dataIndex: 'households' },
            { title: t('map.layers.arrests'), dataIndex: 'arrests' },
            { title: t('map.layers.seizures'), dataIndex: 'seizures' },
          ]}
        />
      </Card>
    </Space>
  );
}
