/**
 * The browser host's stand-in for the Electron preload: the same `window.quanlian` surface,
 * over HTTP (invoke) and server-sent events (on). The token comes from the page URL.
 */
export const bridgeScript = `(() => {
  const token = new URLSearchParams(location.search).get('token') || '';
  const listeners = new Map();
  let source = null;
  function ensureEvents() {
    if (source) return;
    source = new EventSource('/events?token=' + encodeURIComponent(token));
    source.onmessage = (message) => {
      const { event, payload } = JSON.parse(message.data);
      for (const listener of listeners.get(event) || []) listener(payload);
    };
  }
  window.quanlian = Object.freeze({
    invoke(procedure, input) {
      return fetch('/rpc', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-quanlian-token': token },
        body: JSON.stringify({ procedure, input }),
      }).then((response) => response.json());
    },
    on(event, listener) {
      ensureEvents();
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
  });
})();
`;
