import { useCallback, useReducer } from 'react';
import { emptyChart, type ChartCommand, type ChartState } from './chart-state';

export interface ChartHistory {
  past: { state: ChartState; label: string }[];
  present: ChartState;
  future: { state: ChartState; label: string }[];
}

type ChartHistoryAction =
  | { type: 'execute'; command: ChartCommand }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; state: ChartState };

const limit = 100;

export function reduceChartHistory(
  history: ChartHistory,
  action: ChartHistoryAction,
): ChartHistory {
  switch (action.type) {
    case 'execute':
      return {
        past: [...history.past, { state: history.present, label: action.command.label }].slice(
          -limit,
        ),
        present: action.command.run(history.present),
        future: [],
      };
    case 'undo': {
      const previous = history.past[history.past.length - 1];
      if (!previous) return history;
      return {
        past: history.past.slice(0, -1),
        present: previous.state,
        future: [{ state: history.present, label: previous.label }, ...history.future],
      };
    }
    case 'redo': {
      const next = history.future[0];
      if (!next) return history;
      return {
        past: [...history.past, { state: history.present, label: next.label }],
        present: next.state,
        future: history.future.slice(1),
      };
    }
    case 'reset':
      return { past: [], present: action.state, future: [] };
  }
}

/** The chart's state with undo and redo of every command. */
export function useChartHistory() {
  const [history, dispatch] = useReducer(reduceChartHistory, {
    past: [],
    present: emptyChart,
    future: [],
  });
  return {
    state: history.present,
    execute: useCallback((command: ChartCommand) => dispatch({ type: 'execute', command }), []),
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    reset: useCallback((state: ChartState) => dispatch({ type: 'reset', state }), []),
    undoLabel: history.past[history.past.length - 1]?.label ?? null,
    redoLabel: history.future[0]?.label ?? null,
  };
}
