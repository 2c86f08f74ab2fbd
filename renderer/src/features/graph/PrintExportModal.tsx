import { Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonTestId } from '../../components/button-test-id';
import {
  classifications,
  type Classification,
} from '../../../../electron/api/schemas/briefing-schemas';

export interface PrintChoices {
  format: 'pdf' | 'png' | 'svg';
  page: 'A4' | 'A3';
  classification: Classification;
}

interface Props {
  busy: boolean;
  /** The dialog's title and the PNG choice's words, where the picture is not the chart's. */
  title?: string;
  pngLabel?: string;
  /** The formats offered (all three unless said); the page is asked only with PDF. */
  formats?: PrintChoices['format'][];
  onExport(choices: PrintChoices): void;
  onClose(): void;
}

/**
 * The chart as a picture to print or put in a report: format, landscape page and the
 * classification mark printed in the title block are chosen here, at export.
 */
export function PrintExportModal({
  busy,
  title,
  pngLabel,
  formats = ['pdf', 'png', 'svg'],
  onExport,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<PrintChoices>({
    format: formats[0]!,
    page: 'A4',
    classification: 'internal',
  });
  return (
    <Modal
      open
      title={title ?? t('graph.print.title')}
      onCancel={onClose}
      onOk={() => onExport(choices)}
      okText={t('graph.toolbar.export')}
      okButtonProps={buttonTestId('print-export-submit', { loading: busy })}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('graph.print.format')}>
          <Radio.Group
            value={choices.format}
            onChange={(event) => setChoices({ ...choices, format: event.target.value })}
            optionType="button"
            data-testid="print-format"
          >
            {formats.includes('pdf') && <Radio value="pdf">{t('graph.print.pdf')}</Radio>}
            {formats.includes('png') && (
              <Radio value="png">{pngLabel ?? t('graph.print.png')}</Radio>
            )}
            {formats.includes('svg') && <Radio value="svg">{t('graph.print.svg')}</Radio>}
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('graph.print.page')} hidden={!formats.includes('pdf')}>
          <Radio.Group
            value={choices.page}
            onChange={(event) => setChoices({ ...choices, page: event.target.value })}
            optionType="button"
          >
            <Radio value="A4">{t('graph.print.a4')}</Radio>
            <Radio value="A3">{t('graph.print.a3')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('briefings.classification')}>
          <Select
            data-testid="print-classification"
            value={choices.classification}
            onChange={(classification) => setChoices({ ...choices, classification })}
            options={classifications.map((value) => ({
              value,
              label: t(`briefings.classifications.${value}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
