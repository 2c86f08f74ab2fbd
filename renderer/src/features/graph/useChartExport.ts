import { App } from 'antd';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { downloadDocument } from '../briefings/file-download';
import { downloadText, downloadUrl } from './downloads';
import type { ExportFormat } from './GraphToolbar';
import type { NetworkHandle } from './NetworkCanvas';
import type { PrintChoices } from './PrintExportModal';

interface Inputs {
  canvas: RefObject<NetworkHandle | null>;
  caseId: string | undefined;
  visibleIds: string[];
  viewName: string | undefined;
  fail(error: unknown): void;
}

/** Exports of the drawn chart: the titled print (SVG/PNG/PDF), the screen PNG and the data files. */
export function useChartExport({ canvas, caseId, visibleIds, viewName, fail }: Inputs) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [printOpen, setPrintOpen] = useState(false);
  // Data files carry ID numbers masked unless a lead asks for them in full, export by export.
  const [fullIds, setFullIds] = useState(false);

  const exportPrint = async (choices: PrintChoices) => {
    if (!visibleIds.length || !canvas.current) return;
    setBusy(true);
    try {
      const file = await invoke('graph.export', {
        ...choices,
        nodeIds: visibleIds,
        positions: canvas.current.getPositions(),
        // The supply chain printed in its rows, each named at its left as on screen.
        tiers: canvas.current.getTierRows(),
        caseId,
        // The printed chart's title block, legend and labels in the window's language.
        language: i18n.language === 'en' ? 'en' : 'zh-CN',
      });
      downloadDocument(file);
      setPrintOpen(false);
      void message.success(t('graph.exported'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const exportAs = async (format: ExportFormat) => {
    if (!visibleIds.length || !canvas.current) return;
    if (format === 'print') return setPrintOpen(true);
    setBusy(true);
    try {
      if (format === 'png') {
        const { fileName } = await invoke('graph.recordImageExport', {
          caseId,
          nodes: visibleIds.length,
          viewName,
        });
        downloadUrl(await canvas.current.exportPng(2), fileName);
      } else {
        const file = await invoke('graph.export', {
          format,
          nodeIds: visibleIds,
          positions: canvas.current.getPositions(),
          caseId,
          unmaskIds: fullIds,
          // An ANX or GEXF names its types in the window's language.
          language: i18n.language === 'en' ? 'en' : 'zh-CN',
        });
        downloadText(file.content, file.fileName, file.mimeType);
      }
      void message.success(t('graph.exported'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    printOpen,
    closePrint: () => setPrintOpen(false),
    exportPrint,
    exportAs,
    fullIds,
    setFullIds,
  };
}
