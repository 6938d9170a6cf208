/**
 * Exposes exactly the contract as `window.pilcrow`: invoke a known channel, listen to a known
 * event. No raw ipcRenderer, no Node, nothing else crosses.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { PilcrowBridge } from '../shared/ipc';
// Only names, no schemas: a sandboxed preload cannot load zod (shared/bridge-names.ts).
import { CHANNEL_NAMES, EVENT_NAMES, ipcName } from '../shared/bridge-names';

const channels = new Set<string>(CHANNEL_NAMES);
const events = new Set<string>(EVENT_NAMES);
const isChannel = (name: string): name is (typeof CHANNEL_NAMES)[number] => channels.has(name);
const isEvent = (name: string): name is (typeof EVENT_NAMES)[number] => events.has(name);

const bridge = {
  invoke(channel, request) {
    if (!isChannel(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `unknown channel ${channel}` } });
    return ipcRenderer.invoke(ipcName(channel), request);
  },
  on(event, listener) {
    if (!isEvent(event)) throw new Error(`unknown event ${event}`);
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcName(event), wrapped);
    return () => ipcRenderer.removeListener(ipcName(event), wrapped);
  },
} satisfies PilcrowBridge;

contextBridge.exposeInMainWorld('pilcrow', bridge);
