/**
 * The only code that touches `window.pilcrow` (the preload API, or the test harness's copy).
 * Unwraps envelopes into results or a BridgeError with the main process's message.
 */
import type { Channel, Envelope, EventMap, EventName, PilcrowBridge, RequestOf, ResponseOf } from '../../src-main/shared/ipc';
import type { MainMessage } from '../../src-main/shared/messages';

declare global {
  interface Window {
    pilcrow: PilcrowBridge;
  }
}

export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** What main said, as code and parameters: written in the UI's language by messageOf. */
    readonly detail?: MainMessage,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  if (!window.pilcrow) throw new BridgeError('no-bridge', 'Pilcrow’s main process is not connected (no window.pilcrow).');
  // A JSON copy: requests may hold Svelte state proxies, which structured clone (Electron's IPC)
  // refuses; IPC payloads are JSON-shaped by contract anyway.
  const plain: unknown = JSON.parse(JSON.stringify(request));
  const envelope = (await window.pilcrow.invoke(channel, plain)) as Envelope<ResponseOf<C>>;
  if (!envelope.ok) throw new BridgeError(envelope.error.code, envelope.error.message, envelope.error.detail);
  return envelope.result;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  return window.pilcrow.on(event, (payload) => listener(payload as EventMap[E]));
}
