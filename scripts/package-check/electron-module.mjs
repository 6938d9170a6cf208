// What `import … from 'electron'` resolves to while the package check loads the packaged main
// (electron-loader.mjs points the specifier here): the stand-in the child created. A name the
// main bundle imports that is not listed here fails the load, which the check reports.
const { module } = globalThis.__pilcrowElectronStandIn;

export const { app, BrowserWindow, protocol, net, session, ipcMain, Menu, dialog, shell, contextBridge, ipcRenderer } = module;
export default module;
