import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The test id of a row's edit button, named after the row: `member-edit-张三`. */
type EditTestId = `${string}-edit-${string}`;

/**
 * A table row's action buttons: edit first, delete last (it asks first), other buttons between;
 * any may be left out. The labels default to 编辑 and 删除.
 */
export function RowActions({
  onEdit,
  onDelete,
  editLabel,
  deleteLabel,
  editTestId,
  children,
}: {
  onEdit?: () => void;
  onDelete?: () => void;
  editLabel?: string;
  deleteLabel?: string;
  editTestId?: EditTestId;
  /** Further buttons, between edit and delete. */
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
          aria-label={editLabel ?? t('common.edit')}
          data-testid={editTestId}
        />
      )}
      {children}
      {onDelete && (
        <Popconfirm title={t('common.confirmDelete')} onConfirm={onDelete}>
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={deleteLabel ?? t('common.delete')}
          />
        </Popconfirm>
      )}
    </Space>
  );
}
