// The live feed: one WebSocket per page, authenticated by the session cookie, reconnecting with
// exponential backoff and jitter. Listeners get the contract's events; the page shows the state.

const MAX_DELAY = 30000;

export function connectLive({ onEvent, onState, onRejected, onReconnected }) {
  let socket = null;
  let attempt = 0;
  let retryTimer = null;
  let pingTimer = null;
  let stopped = false;
  let everOpen = false;

  function open() {
    if (stopped) return;
    onState('connecting');
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(`${scheme}//${location.host}/ws/dashboard`);
    socket.addEventListener('open', () => {
      attempt = 0;
      onState('live');
      pingTimer = setInterval(() => {
        if (socket && socket.readyState === WebSocket.OPEN) socket.send('ping');
      }, 25000);
      if (everOpen) onReconnected();
      everOpen = true;
    });
    socket.addEventListener('message', (message) => {
      if (message.data === 'pong') return;
      let event;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      if (event && typeof event.event_type === 'string') onEvent(event);
    });
    socket.addEventListener('close', async (closed) => {
      clearInterval(pingTimer);
      socket = null;
      if (stopped) return;
      if (closed.code === 4001 && !(await onRejected())) return;
      const delay = Math.round(Math.min(MAX_DELAY, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2));
      attempt += 1;
      onState('offline', delay);
      retryTimer = setTimeout(open, delay);
    });
  }

  open();
  return {
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      if (socket) socket.close(1000, 'logged out');
    },
    retryNow() {
      if (socket || stopped) return;
      clearTimeout(retryTimer);
      attempt = 0;
      open();
    },
  };
}
