import { Alert, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../../../../electron/api/domain/entity-kinds';
import { caseRoles, type CaseRole } from '../../../../../electron/api/domain/person-vocabulary';
import { useProcedureMutation } from '../../../api/hooks';
import { useErrorText } from '../../../app/useErrorText';
import { EntityPicker } from '../../../components/EntityPicker';
import { buttonTestId } from '../../../components/button-test-id';

/** Adds an entity already recorded (in another case, or on its own) to this case. */
export function AddExistingModal({
  caseId,
  kinds,
  initialEntityId,
  onClose,
}: {
  caseId: string;
  kinds: readonly EntityKind[];
  initialEntityId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ entityId: string; roleInCase: CaseRole }>();
  const add = useProcedureMutation('cases.addEntity', {
    alsoRefreshes: ['entities'],
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title={t('cases2.addExisting')}
      okText={t('common.add')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={buttonTestId('add-existing-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          entityId: initialEntityId,
          roleInCase: kinds.includes('person') ? 'suspect' : 'involved',
        }}
        onFinish={(values) =>
          add.mutate({ caseId, entityId: values.entityId, roleInCase: values.roleInCase })
        }
      >
        <Form.Item name="entityId" label={t('entity.pickEntity')} rules={[{ required: true }]}>
          <EntityPicker kinds={[...kinds]} testId="add-existing-picker" />
        </Form.Item>
        <Form.Item name="roleInCase" label={t('persons.roleInCase')}>
          <Select
            options={caseRoles.map((value) => ({ value, label: t(`enums.caseRole.${value}`) }))}
          />
        </Form.Item>
      </Form>
      {add.isError && <Alert type="error" showIcon title={errorText(add.error)} />}
    </Modal>
  );
}
