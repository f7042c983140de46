/**
 * Server-sent events read with `fetch` and a readable stream, because
 * EventSource cannot send an Authorization header (and the host accepts the
 * token nowhere else). Reconnects after a dropped stream, like EventSource;
 * stops for good when the host refuses the token.
 */

/** An open event stream. */
export interface EventStream {
  close(): void;
}

/** Options of {@link openEventStream}. */
export interface EventStreamOptions {
  url: string;
  /** The token to present on each (re)connection; null stops the stream. */
  token: () => string | null;
  /** One event: its name and its data (data lines joined with newlines). */
  onEvent: (event: string, data: string) => void;
  /** Wait before reconnecting after a drop (default 1 s). */
  retryMs?: number;
}

/** Parse one SSE block (lines up to a blank line) into its event name and data; null for comments only. */
export function parseEventBlock(block: string): { event: string; data: string } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}

/** Open the stream; events arrive through `onEvent` until `close()`. */
export function openEventStream(options: EventStreamOptions): EventStream {
  const controller = new AbortController();
  const retryMs = options.retryMs ?? 1000;
  let closed = false;

  async function readOnce(): Promise<'retry' | 'stop'> {
    const token = options.token();
    if (!token) return 'stop';
    const response = await fetch(options.url, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.status === 401 || response.status === 403) return 'stop';
    if (!response.ok || !response.body) return 'retry';
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'retry';
      buffer += value;
      let end = buffer.search(/\r?\n\r?\n/);
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(buffer.slice(end).match(/^\r?\n\r?\n/)![0].length + end);
        const parsed = parseEventBlock(block);
        if (parsed) options.onEvent(parsed.event, parsed.data);
        end = buffer.search(/\r?\n\r?\n/);
      }
    }
  }

  void (async () => {
    while (!closed) {
      let next: 'retry' | 'stop';
      try {
        next = await readOnce();
      } catch {
        next = 'retry';
      }
      if (next === 'stop' || closed) return;
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  })();

  return {
    close() {
      closed = true;
      controller.abort();
    },
  };
}
