import { Alert, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  caseRoles,
  chainTiers,
  legalStatuses,
  sourceStatuses,
  type CaseRole,
  type SourceStatus,
  type ChainTier,
  type LegalStatus,
} from '../../../../../electron/api/domain/person-vocabulary';
import { useProcedureMutation } from '../../../api/hooks';
import { useErrorText } from '../../../app/useErrorText';
import { RecordFormModal } from '../../../components/RecordFormModal';
import { TypedDatePicker } from '../../../components/TypedDatePicker';
import { MeasureHistory } from './MeasureHistory';

export interface MemberValues {
  caseEntityId: string;
  roleInCase: CaseRole;
  legalStatus: LegalStatus;
  legalStatusOn: string | null;
  chainTier: ChainTier | null;
  caughtOn?: string | null;
  sourceStatus?: SourceStatus | null;
}

/** Edits an entity's role, legal status (with its date) and chain tier within one case. */
export function MemberModal({
  member,
  onClose,
  showLegalStatus,
}: {
  member: MemberValues;
  onClose: () => void;
  showLegalStatus: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<{
    roleInCase: CaseRole;
    legalStatus: LegalStatus;
    legalStatusOn?: Dayjs;
    chainTier?: ChainTier;
    caughtOn?: Dayjs;
    sourceStatus?: SourceStatus;
  }>();
  const update = useProcedureMutation('cases.updateMember', { onSuccess: onClose });
  return (
    <RecordFormModal
      form={form}
      open
      title={t('cases2.memberEdit')}
      confirmLoading={update.isPending}
      onClose={onClose}
      submitTestId="member-submit"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          roleInCase: member.roleInCase,
          legalStatus: member.legalStatus,
          legalStatusOn: member.legalStatusOn ? dayjs(member.legalStatusOn) : undefined,
          chainTier: member.chainTier ?? undefined,
          caughtOn: member.caughtOn ? dayjs(member.caughtOn) : undefined,
          sourceStatus: member.sourceStatus ?? undefined,
        }}
        onFinish={(values) =>
          update.mutate({
            caseEntityId: member.caseEntityId,
            roleInCase: values.roleInCase,
            legalStatus: values.legalStatus,
            legalStatusOn: values.legalStatusOn?.format('YYYY-MM-DD') ?? null,
            chainTier: values.chainTier ?? null,
            ...(showLegalStatus
              ? {
                  caughtOn: values.caughtOn?.format('YYYY-MM-DD') ?? null,
                  sourceStatus: values.sourceStatus ?? null,
                }
              : {}),
          })
        }
      >
        <Form.Item name="roleInCase" label={t('persons.roleInCase')}>
          <Select
            options={caseRoles.map((value) => ({ value, label: t(`enums.caseRole.${value}`) }))}
          />
        </Form.Item>
        {showLegalStatus && (
          <>
            <MeasureHistory
              caseEntityId={member.caseEntityId}
              onSteppedBack={(legalStatus, on) =>
                form.setFieldsValue({ legalStatus, legalStatusOn: on ? dayjs(on) : undefined })
              }
            />
            <Form.Item name="legalStatus" label={t('persons.legalStatus')}>
              <Select
                data-testid="member-legal-status"
                options={legalStatuses.map((value) => ({
                  value,
                  label: t(`enums.legalStatus.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="legalStatusOn"
              label={t('persons.legalStatusOn')}
              extra={t('cases2.measureHistoryHint')}
            >
              <TypedDatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="caughtOn"
              label={t('cases2.caughtOn')}
              extra={t('cases2.caughtOnHint')}
            >
              <TypedDatePicker style={{ width: '100%' }} data-testid="member-caught-on" />
            </Form.Item>
            <Form.Item name="sourceStatus" label={t('cases2.sourceStatus')}>
              <Select
                allowClear
                placeholder={t('cases2.sourceUnknown')}
                options={sourceStatuses.map((value) => ({
                  value,
                  label: t(`enums.sourceStatus.${value}`),
                }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="chainTier" label={t('cases2.chainTier')}>
          <Select
            allowClear
            options={chainTiers.map((value) => ({ value, label: t(`enums.chainTier.${value}`) }))}
          />
        </Form.Item>
      </Form>
      {update.isError && <Alert type="error" showIcon title={errorText(update.error)} />}
    </RecordFormModal>
  );
}
