import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../components/button-test-id';
import type { GraphView, GraphViewState } from '../../../../electron/api/schemas/graph-schemas';
import { useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';

interface Props {
  caseId?: string;
  /** The view the chart was opened from: saving again updates it unless "save as new" is ticked. */
  current?: { id: string; name: string };
  state: () => GraphViewState;
  onSaved(view: GraphView): void;
  onClose(): void;
}

/** Names and saves the chart as it is: positions, hidden and pinned entities, filters, groups. */
export function SaveViewModal({ caseId, current, state, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ name: string; asNew: boolean }>();
  const [asNew, setAsNew] = useState(!current);
  const save = useProcedureMutation('graph.views.save', { onSuccess: (view) => onSaved(view) });
  return (
    <Modal
      open
      title={t('graph.toolbar.save')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={buttonTestId('save-view-submit', { loading: save.isPending })}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: current?.name ?? '' }}
        onFinish={({ name }) =>
          save.mutate({
            id: asNew ? undefined : current?.id,
            caseId: caseId ?? null,
            name,
            state: state(),
          })
        }
      >
        <Form.Item
          name="name"
          label={t('graph.views.name')}
          rules={[{ required: true, whitespace: true, max: 80 }]}
        >
          <Input autoFocus maxLength={80} data-testid="view-name" />
        </Form.Item>
        {current && (
          <Checkbox checked={asNew} onChange={(event) => setAsNew(event.target.checked)}>
            {t('graph.views.saveAsNew')}
          </Checkbox>
        )}
        {save.isError && (
          <Alert type="error" showIcon title={errorText(save.error)} style={{ marginTop: 12 }} />
        )}
      </Form>
    </Modal>
  );
}
