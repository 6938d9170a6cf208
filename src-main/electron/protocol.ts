/**
 * Serves the built renderer from app://pilcrow/ instead of file://, so the page has a real
 * origin for its CSP and cannot read arbitrary files. Requests are confined to the renderer folder.
 */
import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './window-options';

export const APP_ORIGIN = 'app://pilcrow';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir) + sep;
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return new Response('not found', { status: 404 }); // malformed %-escapes
    }
    const file = normalize(join(root, pathname));
    if (url.host !== 'pilcrow' || !file.startsWith(root)) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}
