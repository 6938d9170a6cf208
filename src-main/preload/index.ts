/**
 * Exposes exactly the contract as `window.pilcrow`: invoke a known channel, listen to a known
 * event. No raw ipcRenderer, no Node, nothing else crosses.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { PilcrowBridge } from '../shared/ipc';
// Only names, no schemas: a sandboxed preload cannot load zod (shared/bridge-names.ts).
import { CHANNEL_NAMES, EVENT_NAMES } from '../shared/bridge-names';

const channels = new Set<string>(CHANNEL_NAMES);
const events = new Set<string>(EVENT_NAMES);

const bridge = {
  invoke(channel, request) {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `unknown channel ${channel}` } });
    return ipcRenderer.invoke(`pilcrow:${channel}`, request);
  },
  on(event, listener) {
    if (!events.has(event)) throw new Error(`unknown event ${event}`);
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(`pilcrow:${event}`, wrapped);
    return () => ipcRenderer.removeListener(`pilcrow:${event}`, wrapped);
  },
} satisfies PilcrowBridge;

contextBridge.exposeInMainWorld('pilcrow', bridge);
