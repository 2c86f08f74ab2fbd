import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AnalysisSource,
  BriefingTable,
} from '../../../../electron/api/schemas/briefing-item-schemas';
import { useProcedureMutation } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { svgToPng } from '../../components/svg-picture';
import { CasePicker } from '../graph/CasePicker';

/** Something that can draw itself as SVG (the timeline). */
interface FigureSource {
  toSvg(): string;
  size(): { width: number; height: number };
}

/**
 * 加入简报: keeps the result on screen for a case's briefing, as a table (the rows shown) or a
 * figure (the picture drawn, as PNG). Asks for the case when the analysis was not of one.
 */
export function AddToBriefingButton({
  caseId,
  title,
  source,
  table,
  figure,
}: {
  caseId?: string | undefined;
  title: string;
  source: AnalysisSource;
  table?: () => BriefingTable;
  figure?: () => FigureSource | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const canWrite = useCan('investigator');
  const [open, setOpen] = useState(false);
  const [chosenCase, setChosenCase] = useState<string | undefined>(caseId);
  const [name, setName] = useState(title);
  const [busy, setBusy] = useState(false);
  const add = useProcedureMutation('reports.briefingItems.add', { alsoRefreshes: ['reports'] });
  if (!canWrite) return null;

  const submit = async () => {
    if (!chosenCase || !name.trim()) return;
    setBusy(true);
    try {
      let content: BriefingTable | { kind: 'figure'; png: string };
      if (table) content = table();
      else {
        const drawn = figure?.();
        if (!drawn) return;
        const { width, height } = drawn.size();
        const png = await svgToPng(drawn.toSvg(), width, height);
        content = { kind: 'figure', png: png.slice(png.indexOf(',') + 1) };
      }
      await add.mutateAsync({ caseId: chosenCase, title: name.trim(), source, content });
      void message.success(t('analytics.briefing.added'));
      setOpen(false);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setChosenCase(caseId);
          setName(title);
          setOpen(true);
        }}
        data-testid={`briefing-add-${source}`}
      >
        {t('analytics.briefing.add')}
      </Button>
      <Modal
        open={open}
        title={t('analytics.briefing.add')}
        okText={t('analytics.briefing.confirm')}
        onOk={() => void submit()}
        okButtonProps={{ disabled: !chosenCase || !name.trim(), loading: busy }}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('analytics.briefing.case')} required>
            <CasePicker value={chosenCase} onChange={setChosenCase} width={420} />
          </Form.Item>
          <Form.Item label={t('analytics.briefing.title')} required>
            <Input
              value={name}
              maxLength={200}
              onChange={(event) => setName(event.target.value)}
              data-testid="briefing-item-title"
            />
          </Form.Item>
          <div style={{ color: '#6b7280' }}>
            {table ? t('analytics.briefing.asTable') : t('analytics.briefing.asFigure')}
          </div>
        </Form>
      </Modal>
    </>
  );
}
