import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MenuAction } from './GraphContextMenu';

interface Props {
  count: number;
  label?: string;
  allPinned: boolean;
  onAction(action: MenuAction): void;
}

/** What can be done with the selected entities (Ctrl+click or drag-select for several). */
export function SelectionBar({ count, label, allPinned, onAction }: Props) {
  const { t } = useTranslation();
  return (
    <Space
      size={4}
      wrap
      style={{
        background: '#fff',
        padding: '6px 10px',
        borderRadius: 8,
        boxShadow: '0 4px 12px rgba(0,0,0,.12)',
      }}
      data-testid="graph-selection"
    >
      <Typography.Text strong style={{ marginRight: 6 }}>
        {count === 1 && label ? label : t('graph.selection.count', { count })}
      </Typography.Text>
      {count === 1 && (
        <Button
          size="small"
          type="link"
          onClick={() => onAction({ type: 'drawer' })}
          data-testid="selection-details"
        >
          {t('graph.menu.details')}
        </Button>
      )}
      <Button size="small" onClick={() => onAction({ type: 'expand', hops: 1 })}>
        {t('graph.selection.expand')}
      </Button>
      <Button size="small" onClick={() => onAction({ type: 'hide' })}>
        {t('graph.menu.hide')}
      </Button>
      <Button size="small" onClick={() => onAction({ type: 'remove' })}>
        {t('graph.menu.collapse')}
      </Button>
      <Button size="small" onClick={() => onAction({ type: allPinned ? 'unpin' : 'pin' })}>
        {allPinned ? t('graph.menu.unpin') : t('graph.menu.pin')}
      </Button>
    </Space>
  );
}
