import { AimOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  InputNumber,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { MapData } from '../../../../electron/api/schemas/map-schemas';
import { invoke } from '../../api/client';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useSession } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';
import { svgToPng } from '../../components/svg-picture';
import { drugName } from '../../components/format';
import { downloadDocument } from '../briefings/file-download';
import { downloadUrl } from '../graph/downloads';
import { PrintExportModal, type PrintChoices } from '../graph/PrintExportModal';
import { MapChart, type MapChartHandle } from './MapChart';
import { formatAmount } from './map-format';
import { buildMapOption, type MapTexts } from './map-option';

/**
 * 地图: where the chain runs. Provinces from boundary data shipped with the app (no tiles, no
 * network); places, seizures, people by 户籍地 and by place of arrest, and supply flows between
 * regions, for one case or all, in a period. Coordinates of a place can be typed or picked.
 */
export function MapPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const caseId = params.get('caseId') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const choose = (next: Record<string, string | undefined>) => {
    const merged = { caseId, from, to, ...next };
    setParams(
      Object.fromEntries(Object.entries(merged).filter(([, value]) => value)) as Record<
        string,
        string
      >,
      { replace: true },
    );
  };

  const cases = useProcedure('cases.list', { pageSize: 500 });
  const map = useProcedure('map.data', { caseId, from, to });
  const chosenCase = cases.data?.rows.find((row) => row.id === caseId);
  const chart = useRef<MapChartHandle>(null);
  const [picking, setPicking] = useState(false);
  const [coords, setCoords] = useState<Coordinates>({});
  const [exporting, setExporting] = useState<'closed' | 'open' | 'busy'>('closed');

  const texts: MapTexts = useMemo(
    () => ({
      title: chosenCase ? `${chosenCase.caseNo} ${chosenCase.title}` : t('map.allCases'),
      subtitle: [
        from || to ? `${from ?? '…'} — ${to ?? '…'}` : t('map.allTime'),
        `${t('map.drawnOn')} ${dayjs().format('YYYY-MM-DD')}`,
        session.unitName,
        session.user.displayName,
      ]
        .filter(Boolean)
        .join(' · '),
      places: t('map.layers.places'),
      seizures: t('map.layers.seizures'),
      households: t('map.layers.households'),
      arrests: t('map.layers.arrests'),
      flows: t('map.layers.flows'),
      outflows: t('map.layers.outflows'),
      atCapital: t('map.atCapital'),
      people: (count) => t('map.people', { count }),
      links: (count) => t('map.links', { count }),
      drug: (code) => drugName(code, i18n.language),
      amount: formatAmount,
    }),
    [chosenCase, from, to, session.unitName, session.user.displayName, t, i18n.language],
  );
  const option = useMemo(
    () => (map.data ? buildMapOption(map.data, texts) : null),
    [map.data, texts],
  );

  /** The picture as drawn, with the mark chosen at export; PDF is printed by the main process. */
  const exportAs = async ({ format, page, classification }: PrintChoices) => {
    if (!chart.current) return;
    setExporting('busy');
    try {
      const mark =
        classification === 'none' ? '' : t(`briefings.classifications.${classification}`);
      const svg = chart.current.toSvg(mark);
      if (format === 'pdf') {
        downloadDocument(
          await invoke('map.exportPdf', { caseId, from, to, classification, page, svg }),
        );
      } else {
        await invoke('map.recordExport', { caseId, format, from, to, classification });
        const { width, height } = chart.current.size();
        const fileName = `quanlian-map-${chosenCase?.caseNo ?? 'all'}-${dayjs().format('YYYY-MM-DD')}.${format}`;
        if (format === 'svg') {
          const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
          downloadUrl(url, fileName);
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        } else {
          downloadUrl(await svgToPng(svg, width, height), fileName);
        }
      }
      setExporting('closed');
      void message.success(t('map.exported'));
    } catch (error) {
      setExporting('open');
      void message.error(errorText(error));
    }
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <PageHeader
        title={t('map.title')}
        extra={
          <>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 320 }}
              placeholder={t('map.allCases')}
              value={caseId}
              onChange={(value?: string) => choose({ caseId: value })}
              options={cases.data?.rows.map((row) => ({
                value: row.id,
                label: `${row.caseNo} ${row.title}`,
              }))}
              aria-label={t('map.case')}
              data-testid="map-case"
            />
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              onChange={(range) =>
                choose({
                  from: range?.[0]?.format('YYYY-MM-DD'),
                  to: range?.[1]?.format('YYYY-MM-DD'),
                })
              }
              aria-label={t('map.period')}
            />
            <Button
              icon={<DownloadOutlined />}
              disabled={!option}
              onClick={() => setExporting('open')}
              data-testid="map-export"
            >
              {t('map.export')}
            </Button>
          </>
        }
      />
      {map.error && <Alert type="error" showIcon title={errorText(map.error)} />}
      <div style={{ display: 'flex', gap: 16, flex: 1, minHeight: 0 }}>
        <div style={{ flex: 1, minWidth: 0, border: '1px solid #f0f0f0', borderRadius: 8 }}>
          {option ? (
            <MapChart
              ref={chart}
              option={option}
              onPick={picking ? (lng, lat) => setCoords({ lng, lat }) : undefined}
            />
          ) : (
            <Spin style={{ margin: 48 }} />
          )}
        </div>
        <div style={{ width: 320, overflow: 'auto' }}>
          {map.data && <MapSummary data={map.data} texts={texts} />}
          <LocatePlace
            coords={coords}
            onCoords={setCoords}
            picking={picking}
            onPicking={setPicking}
          />
        </div>
      </div>
      {exporting !== 'closed' && (
        <PrintExportModal
          title={t('map.exportTitle')}
          pngLabel={t('map.pngLabel')}
          busy={exporting === 'busy'}
          onExport={(choices) => void exportAs(choices)}
          onClose={() => setExporting('closed')}
        />
      )}
    </div>
  );
}

interface Coordinates {
  lat?: number;
  lng?: number;
}

function MapSummary({ data, texts }: { data: MapData; texts: MapTexts }) {
  const { t } = useTranslation();
  const label = (key: string) => {
    const region = data.regions.find((candidate) => candidate.key === key);
    return region
      ? `${region.provinceName}${region.prefectureName ? ` ${region.prefectureName}` : ''}`
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
      <Card size="small" title={t('map.provinces')}>
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={data.provinces}
          columns={[
            { title: t('map.province'), dataIndex: 'mapName' },
            { title: t('map.layers.households'), dataIndex: 'households' },
            { title: t('map.layers.arrests'), dataIndex: 'arrests' },
            { title: t('map.layers.seizures'), dataIndex: 'seizures' },
          ]}
        />
      </Card>
    </Space>
  );
}

/** Coordinates for a place: typed, or picked by clicking the map; saved through map.locatePlace. */
function LocatePlace({
  coords,
  onCoords,
  picking,
  onPicking,
}: {
  coords: Coordinates;
  onCoords: (coords: Coordinates) => void;
  picking: boolean;
  onPicking: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const places = useProcedure('entities.list', { kinds: ['location'], pageSize: 500 });
  const [entityId, setEntityId] = useState<string>();
  const { lat, lng } = coords;
  const locate = useProcedureMutation('map.locatePlace', { alsoRefreshes: ['entities'] });
  const save = async () => {
    if (!entityId || lat === undefined || lng === undefined) return;
    try {
      await locate.mutateAsync({ entityId, lat, lng });
      void message.success(t('map.located'));
      onPicking(false);
      onCoords({});
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Card size="small" title={t('map.locate')} style={{ marginTop: 8 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          placeholder={t('map.choosePlace')}
          value={entityId}
          onChange={setEntityId}
          options={places.data?.rows.map((row) => ({ value: row.id, label: row.label }))}
        />
        <Space>
          <InputNumber
            placeholder={t('map.lat')}
            min={-90}
            max={90}
            value={lat}
            onChange={(value) => onCoords({ ...coords, lat: value ?? undefined })}
          />
          <InputNumber
            placeholder={t('map.lng')}
            min={-180}
            max={180}
            value={lng}
            onChange={(value) => onCoords({ ...coords, lng: value ?? undefined })}
          />
        </Space>
        <Space>
          <Button
            icon={<AimOutlined />}
            type={picking ? 'primary' : 'default'}
            onClick={() => onPicking(!picking)}
          >
            {picking ? t('map.picking') : t('map.pick')}
          </Button>
          <Button
            type="primary"
            disabled={!entityId || lat === undefined || lng === undefined}
            loading={locate.isPending}
            onClick={() => void save()}
          >
            {t('common.save')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
