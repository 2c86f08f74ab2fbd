import { useEffect } from 'react';
import { hideNodes } from './chart-state';
import type { ChartHistoryHandle } from './useGraphActions';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) undo and redo chart edits; Delete hides the selection.
 * Keys typed into a field or while a dialog is open are left alone.
 */
export function useChartShortcuts(
  chart: ChartHistoryHandle,
  selection: string[],
  clearSelection: () => void,
) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || document.querySelector('.ant-modal-wrap')) return;
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && key === 'z' && !event.shiftKey) chart.undo();
      else if ((event.ctrlKey || event.metaKey) && (key === 'y' || (key === 'z' && event.shiftKey)))
        chart.redo();
      else if (key === 'delete' && selection.length) {
        chart.execute(hideNodes(selection));
        clearSelection();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chart, selection, clearSelection]);
}
