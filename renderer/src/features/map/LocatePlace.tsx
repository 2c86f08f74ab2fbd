import { AimOutlined } from '@ant-design/icons';
import { App, Button, Card, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';

/** A place's coordinates while they are typed or picked; either may be missing. */
export interface Coordinates {
  lat?: number;
  lng?: number;
}

/** Coordinates for a place: typed, or picked by clicking the map; saved through map.locatePlace. */
export function LocatePlace({
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
  // A place already placed shows its coordinates (the boxes had stayed empty), to be checked or
  // corrected; one not yet placed clears what another place had shown.
  const choose = async (id: string) => {
    setEntityId(id);
    try {
      const { details } = await invoke('entities.get', { id });
      const { latitude, longitude } = details as {
        latitude?: number | null;
        longitude?: number | null;
      };
      onCoords(
        typeof latitude === 'number' && typeof longitude === 'number'
          ? { lat: latitude, lng: longitude }
          : {},
      );
    } catch (error) {
      void message.error(errorText(error));
    }
  };
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
          onChange={(id: string) => void choose(id)}
          data-testid="locate-place"
          options={places.data?.rows.map((row) => ({ value: row.id, label: row.label }))}
        />
        <Space>
          <InputNumber
            placeholder={t('map.lat')}
            aria-label={t('map.lat')}
            min={-90}
            max={90}
            value={lat}
            onChange={(value) => onCoords({ ...coords, lat: value ?? undefined })}
          />
          <InputNumber
            placeholder={t('map.lng')}
            aria-label={t('map.lng')}
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
