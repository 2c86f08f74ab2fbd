import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A table row's edit and delete buttons (delete asks first); either may be left out. */
export function RowActions({
  onEdit,
  onDelete,
  children,
}: {
  onEdit?: () => void;
  onDelete?: () => void;
  /** Further buttons, after these two. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Space>
      {onEdit && (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={onEdit}
          aria-label={t('common.edit')}
        />
      )}
      {onDelete && (
        <Popconfirm title={t('common.confirmDelete')} onConfirm={onDelete}>
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      )}
      {children}
    </Space>
  );
}
