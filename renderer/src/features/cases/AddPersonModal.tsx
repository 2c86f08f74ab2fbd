import { Alert, App, Button, Col, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseRoles,
  genders,
  legalStatuses,
  type CaseRole,
  type Gender,
  type LegalStatus,
} from '../../../../electron/api/domain/person-vocabulary';
import { parseResidentId } from '../../../../electron/api/domain/resident-id';
import type { SameNamePerson } from '../../../../electron/api/schemas/person-schemas';
import { invoke } from '../../api/client';
import { useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { RecordFormModal } from '../../components/RecordFormModal';
import { TypedDatePicker } from '../../components/TypedDatePicker';
import { SameNameWarning } from './SameNameWarning';

interface Values {
  name: string;
  idNumber?: string;
  aliases?: string[];
  gender: Gender;
  birthDate?: Dayjs;
  household?: string;
  address?: string;
  roleInCase: CaseRole;
  legalStatus: LegalStatus;
  legalStatusOn?: Dayjs;
  phones?: string[];
}

/**
 * Adds a suspect (or any person) to a case. The ID number is checked as it is typed; a person
 * of the same name already recorded is shown, with what tells them apart, before a second one
 * is created; phones typed here become 使用 relations.
 */
export function AddPersonModal({
  caseId,
  open,
  onClose,
}: {
  caseId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const idNumber = Form.useWatch('idNumber', form);
  const parsedId = idNumber ? parseResidentId(idNumber) : null;

  const [sameName, setSameName] = useState<SameNamePerson[] | null>(null);
  const close = () => {
    add.reset();
    setSameName(null);
    form.resetFields();
    onClose();
  };
  const add = useProcedureMutation('cases.addPerson', {
    alsoRefreshes: ['entities'],
    onSuccess: () => {
      void message.success(t('persons.added'));
      close();
    },
  });
  const duplicate = add.error?.code === 'persons.duplicateIdNumber' ? add.error.details : null;

  const create = (values: Values) => {
    const { roleInCase, legalStatus, legalStatusOn, birthDate, phones, ...person } = values;
    add.mutate({
      caseId,
      roleInCase,
      legalStatus,
      legalStatusOn: legalStatusOn?.format('YYYY-MM-DD') ?? null,
      phones: phones ?? [],
      person: {
        ...person,
        aliases: person.aliases ?? [],
        birthDate: birthDate?.format('YYYY-MM-DD') ?? null,
      },
    });
  };

  /** A person with an ID number is told apart by it; without one, same names are shown first. */
  const submit = async (values: Values) => {
    if (!values.idNumber && sameName === null) {
      try {
        const found = await invoke('persons.sameName', { name: values.name, caseId });
        if (found.length) {
          setSameName(found);
          return;
        }
      } catch {
        // The check only helps; saving goes on and reports its own errors.
      }
    }
    create(values);
  };

  const pickExisting = (entityId: string) => {
    const values = form.getFieldsValue();
    add.mutate({
      caseId,
      entityId,
      roleInCase: values.roleInCase,
      legalStatus: values.legalStatus,
      legalStatusOn: values.legalStatusOn?.format('YYYY-MM-DD') ?? null,
      phones: values.phones ?? [],
    });
  };

  return (
    <RecordFormModal
      form={form}
      open={open}
      title={t('persons.addSuspect')}
      width={760}
      confirmLoading={add.isPending}
      onClose={close}
      destroyOnHidden
      submitTestId="person-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ gender: 'unknown', roleInCase: 'suspect', legalStatus: 'none' }}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<Values>) => {
          if ('name' in changed || 'idNumber' in changed) setSameName(null);
          if (!('idNumber' in changed) || !changed.idNumber) return;
          const parsed = parseResidentId(changed.idNumber);
          if (parsed.ok) {
            form.setFieldsValue({
              gender: parsed.value.gender,
              birthDate: dayjs(parsed.value.birthDate),
            });
          }
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('persons.name')}
              rules={[{ required: true, whitespace: true, max: 40 }]}
            >
              <Input data-testid="person-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="idNumber"
              label={t('persons.idNumber')}
              validateTrigger="onBlur"
              rules={[
                {
                  validator: (_rule, value: string | undefined) => {
                    if (!value) return Promise.resolve();
                    const parsed = parseResidentId(value);
                    return parsed.ok
                      ? Promise.resolve()
                      : Promise.reject(
                          new Error(
                            t('errors.persons.invalidIdNumber', {
                              reason: t(`idProblems.${parsed.problem}`, {
                                expected: parsed.expectedCheck ?? '',
                              }),
                            }),
                          ),
                        );
                  },
                },
              ]}
              extra={
                parsedId?.ok
                  ? t('persons.idNumberValid', {
                      birthDate: parsedId.value.birthDate,
                      gender: t(`enums.gender.${parsedId.value.gender}`),
                    })
                  : undefined
              }
            >
              <Input maxLength={18} data-testid="person-id-number" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="aliases" label={t('persons.aliases')}>
              <Select mode="tags" open={false} placeholder={t('persons.aliasesPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="gender" label={t('persons.gender')}>
              <Select
                disabled={parsedId?.ok}
                options={genders.map((value) => ({ value, label: t(`enums.gender.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="birthDate" label={t('persons.birthDate')}>
              <TypedDatePicker disabled={parsedId?.ok} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="household" label={t('persons.household')} rules={[{ max: 120 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="address" label={t('persons.address')} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="roleInCase" label={t('persons.roleInCase')}>
              <Select
                options={caseRoles.map((value) => ({ value, label: t(`enums.caseRole.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="legalStatus" label={t('persons.legalStatus')}>
              <Select
                data-testid="person-legal-status"
                options={legalStatuses.map((value) => ({
                  value,
                  label: t(`enums.legalStatus.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="legalStatusOn" label={t('persons.legalStatusOn')}>
              <TypedDatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="phones" label={t('personForm.phones')}>
              <Select
                mode="tags"
                open={false}
                tokenSeparators={[',', '，', ' ']}
                placeholder={t('personForm.phonesPlaceholder')}
                data-testid="person-phones"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {sameName && (
        <SameNameWarning
          sameName={sameName}
          onUse={pickExisting}
          onCreateAnyway={() => create(form.getFieldsValue())}
        />
      )}
      {add.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(add.error)}
          action={
            duplicate ? (
              <Button size="small" onClick={() => pickExisting(String(duplicate['entityId']))}>
                {t('persons.useExisting', { name: String(duplicate['name']) })}
              </Button>
            ) : undefined
          }
        />
      )}
    </RecordFormModal>
  );
}
