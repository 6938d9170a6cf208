/** The application menu. Its commands go to the renderer, which runs the same flow as its buttons. */
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import { ipcName } from '../shared/bridge-names';
import type { EventMap } from '../shared/ipc';

export function buildMenu(getWindow: () => BrowserWindow | null, recent: () => string[]): void {
  const send = (payload: EventMap['menu.command']) => getWindow()?.webContents.send(ipcName('menu.command'), payload);
  const recentItems: MenuItemConstructorOptions[] = recent().map((root, index) => ({
    label: basename(root),
    toolTip: root,
    click: () => send({ command: 'openRecent', index }),
  }));
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => send({ command: 'openWorkspace' }) },
        { label: 'Open Recent', submenu: recentItems.length ? recentItems : [{ label: 'No recent workspaces', enabled: false }] },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send({ command: 'export' }) },
        { label: 'Import Labels…', click: () => send({ command: 'import' }) },
        { type: 'separator' },
        { label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => app.quit() },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { label: 'Help', submenu: [{ label: 'About Pilcrow', click: () => send({ command: 'about' }) }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
