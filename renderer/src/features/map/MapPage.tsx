import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Select, Spin } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { invoke } from '../../api/client';
import { useProcedure } from '../../api/hooks';
import { useSession } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';
import { classificationMark, pictureSubtitle } from '../../components/picture-heading';
import { svgToPng } from '../../components/svg-picture';
import { useWorkspaceDay } from '../../components/workspace-day';
import { drugName, formatDate } from '../../components/format';
import {
  countUnits,
  formatNormalised,
  type CountUnit,
  type NormalisedUnit,
} from '../../../../electron/api/domain/quantity';
import { provinceName } from '../../../../electron/api/domain/province-names';
import { downloadDocument } from '../briefings/file-download';
import { downloadUrl } from '../graph/downloads';
import { PrintExportModal, type PrintChoices } from '../graph/PrintExportModal';
import { registerChinaMap } from './china-map';
import { LocatePlace, type Coordinates } from './LocatePlace';
import { MapChart } from './MapChart';
import { mapPageLayout, mapPageSvg } from './map-page';
import { MapSummary } from './MapSummary';
import { formatAmount } from './map-format';
import { buildMapOption, type MapTexts, type MapView } from './map-option';
import type { MapData } from '../../../../electron/api/schemas/map-schemas';

/**
 * 地图: where the chain runs. Provinces from boundary data shipped with the app (no tiles, no
 * network); places, seizures, people by 户籍地 and by place of arrest, and supply flows between
 * regions, for one case or all, in a period. Coordinates of a place can be typed or picked.
 */
const printDotsPerMillimetre = 300 / 25.4;

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
  const today = useWorkspaceDay();
  const chosenCase = cases.data?.rows.find((row) => row.id === caseId);
  const [picking, setPicking] = useState(false);
  const [coords, setCoords] = useState<Coordinates>({});
  const [exporting, setExporting] = useState<'closed' | 'open' | 'busy'>('closed');

  const texts: MapTexts = useMemo(
    () => ({
      title: chosenCase ? `${chosenCase.caseNo} ${chosenCase.title}` : t('map.allCases'),
      subtitle: pictureSubtitle(
        t,
        session,
        from || to ? `${from ?? '…'} — ${to ?? '…'}` : t('map.allTime'),
        today(),
      ),
      places: t('map.layers.places'),
      seizures: t('map.layers.seizures'),
      households: t('map.layers.households'),
      arrests: t('map.layers.arrests'),
      flows: t('map.layers.flows'),
      outflows: t('map.layers.outflows'),
      stations: t('map.layers.stations'),
      phonesSeen: (count) => t('map.phonesSeen', { count }),
      atCapital: t('map.atCapital'),
      people: (count) => (count === 1 ? t('map.person') : t('map.people', { count })),
      links: (count) => t('map.links', { count }),
      drug: (code) => drugName(code, i18n.language),
      amount: formatAmount,
      // As useQuantityText writes it (the seizures' lists), the unit in the UI's language.
      quantity: (amount, unit, entered) => {
        const written = formatNormalised(
          amount,
          unit as NormalisedUnit,
          (countUnits as readonly string[]).includes(entered) ? (entered as CountUnit) : null,
        );
        return `${written.value} ${t(`enums.quantityUnit.${written.unit}`)}`;
      },
      date: formatDate,
      caseNo: (no) => t('map.seizureCase', { caseNo: no }),
      seizureCount: (count) => t('map.seizureCount', { count }),
      placeGroup: (first, more) => t('map.placeGroup', { first, more, count: more + 1 }),
      named: (name, what) => t('map.named', { name, what }),
      list: (items) => items.join(t('map.listSeparator')),
      aside: (text, aside) => t('map.aside', { text, aside }),
      province: (mapName) => provinceName(mapName, i18n.language),
    }),
    [chosenCase, from, to, session, t, i18n.language, today],
  );
  // The view as drawn: markers are grouped anew when the zoom changes their spacing. Kept with
  // the data it was drawn for: another case's or period's map is fitted to its own data first.
  const [drawn, setDrawn] = useState<{ data: MapData; view: MapView }>();
  const view = drawn && drawn.data === map.data ? drawn.view : undefined;
  const option = useMemo(
    () => (map.data ? buildMapOption(map.data, texts, registerChinaMap(), undefined, view) : null),
    [map.data, texts, view],
  );

  /**
   * A page of its own (map-page.ts), with the mark chosen at export; PDF is printed by the main
   * process.
   */
  const exportAs = async ({ format, page, classification }: PrintChoices) => {
    if (!map.data) return;
    setExporting('busy');
    try {
      const mark = classificationMark(t, classification);
      const svg = mapPageSvg(map.data, texts, registerChinaMap(), page, mark);
      if (format === 'pdf') {
        downloadDocument(
          await invoke('map.exportPdf', { caseId, from, to, classification, page, svg }),
        );
      } else {
        await invoke('map.recordExport', { caseId, format, from, to, classification });
        const { width, height } = mapPageLayout(page);
        const fileName = `quanlian-map-${chosenCase?.caseNo ?? 'all'}-${today()}.${format}`;
        if (format === 'svg') {
          const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
          downloadUrl(url, fileName);
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        } else {
          // At print resolution: 300 dots to the inch.
          downloadUrl(await svgToPng(svg, width, height, printDotsPerMillimetre), fileName);
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
              option={option}
              onPick={picking ? (lng, lat) => setCoords({ lng, lat }) : undefined}
              view={view}
              onView={(next) => map.data && setDrawn({ data: map.data, view: next })}
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
