import { askSessionEarly, readChartEarly } from './app/early-reads';
import { chartSourceAt } from './features/graph/chart-reads';

// The window's first script, small on purpose: it asks for the session (and, signed in on a
// chart's address, for the chart) before the application's code has loaded, then loads that
// code — on a chart's address the chart's own (vis-network, ~0.6 MB) beside it rather than
// after the shell's first render. The main process reads and lays out the chart while the
// window loads, evaluates and renders.
askSessionEarly();
readChartEarly(window.location.hash);
void import('./app/start').then(({ startApp }) => startApp());
// A chunk that fails here fails again when the chart page is shown, and is reported there.
if (chartSourceAt(window.location.hash))
  import('./features/graph/GraphPage').catch(() => undefined);
