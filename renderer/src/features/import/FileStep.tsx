import { Button, Card, Form, Input, Radio, Select } from 'antd';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import {
  importTemplates,
  type ImportTemplate,
} from '../../../../electron/api/domain/import-templates';
import { isWeChatId } from '../../../../electron/api/domain/wechat-ids';
import { CasePicker } from '../graph/CasePicker';
import { FileDrop } from './FileDrop';
import type { Encoding, WizardAction, WizardState } from './import-wizard';

/** Step 1: the template, the file, its encoding and the case the rows belong to. */
/** The way every row went, where the file says it nowhere: a statement's money, a list's calls. */
const directionTexts = {
  transactions: {
    label: 'import.direction',
    hint: 'import.directionHint',
    options: [
      ['', 'import.directions.file'],
      ['out', 'import.directions.out'],
      ['in', 'import.directions.in'],
    ],
  },
  calls: {
    label: 'import.callDirection',
    hint: 'import.callDirectionHint',
    options: [
      ['', 'import.callDirections.file'],
      ['out', 'import.callDirections.out'],
      ['in', 'import.callDirections.in'],
    ],
  },
} as const;

export function FileStep({
  state,
  dispatch,
  onNext,
}: {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const choose = (choice: Extract<WizardAction, { type: 'chose' }>['choice']) =>
    dispatch({ type: 'chose', choice });
  // Once the file is known as a WeChat bill, its own account is checked as a WeChat ID here as
  // core checks it (before, core's refusal says it above the steps).
  const typedAccount = state.ownAccount.replace(/\s+/g, '');
  const notWeChatId =
    state.template === 'transactions' &&
    state.preview?.platform === 'wechat' &&
    typedAccount !== '' &&
    !isWeChatId(typedAccount);
  return (
    <Card>
      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item label={t('import.template')}>
          <Radio.Group
            value={state.template}
            onChange={(event) => choose({ template: event.target.value as ImportTemplate })}
            optionType="button"
            options={importTemplates.map((value) => ({
              value,
              label: t(`import.templates.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('import.file')} extra={t('import.fileHint')}>
          <FileDrop
            accept=".csv,.txt,.tsv,.xlsx,.xls,.xlsb,.ods,.htm,.html,.xml"
            file={state.file}
            prompt={t('import.drop')}
            onPick={(file) => choose({ file })}
          />
        </Form.Item>
        <Form.Item label={t('import.encoding')}>
          <Select<Encoding>
            value={state.encoding}
            onChange={(encoding) => choose({ encoding })}
            style={{ width: 240 }}
            options={[
              { value: 'auto', label: t('import.encodings.auto') },
              { value: 'utf8', label: 'UTF-8' },
              { value: 'gb18030', label: 'GB18030 / GBK' },
              { value: 'utf16le', label: 'UTF-16 LE' },
              { value: 'utf16be', label: 'UTF-16 BE' },
              { value: 'big5', label: 'Big5' },
            ]}
          />
        </Form.Item>
        {state.template === 'calls' ? (
          <Form.Item label={t('import.ownNumber')} extra={t('import.ownNumberHint')}>
            <Input
              value={state.ownNumber}
              onChange={(event) => choose({ ownNumber: event.target.value })}
              style={{ width: 240 }}
              data-testid="import-own-number"
            />
          </Form.Item>
        ) : null}
        {state.template === 'transactions' ? (
          <Form.Item
            label={t('import.ownAccount')}
            extra={t('import.ownAccountHint')}
            validateStatus={notWeChatId ? 'error' : undefined}
            help={
              notWeChatId
                ? t('errors.import.ownAccountNotWeChatId', { account: typedAccount })
                : undefined
            }
          >
            <Input
              value={state.ownAccount}
              onChange={(event) => choose({ ownAccount: event.target.value })}
              style={{ width: 320 }}
              data-testid="import-own-account"
            />
          </Form.Item>
        ) : null}
        {state.template === 'transactions' || state.template === 'calls' ? (
          <Form.Item
            label={t(directionTexts[state.template].label)}
            extra={t(directionTexts[state.template].hint)}
          >
            <Select<WizardState['direction']>
              value={state.direction}
              onChange={(direction) => choose({ direction })}
              style={{ width: 320 }}
              data-testid="import-direction"
              options={directionTexts[state.template].options.map(([value, label]) => ({
                value,
                label: t(label),
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('import.case')} extra={t('import.caseHint')}>
          <CasePicker value={state.caseId} onChange={(caseId) => choose({ caseId })} width={480} />
        </Form.Item>
        <Button
          type="primary"
          disabled={!state.file || notWeChatId}
          loading={state.busy}
          onClick={onNext}
          data-testid="import-next"
        >
          {t('import.next')}
        </Button>
      </Form>
    </Card>
  );
}
