/**
 * Calls one channel of the handler table the way every transport must: validate the request
 * against the contract first, then wrap the outcome in an envelope. Electron's ipcMain and the
 * test harness both go through here, so they cannot drift apart.
 */
import { requestSchemas, type Channel, type Envelope, type HandlerTable } from '../../shared/ipc';
import { PilcrowError } from './errors';

export async function dispatch(table: HandlerTable, channel: unknown, request: unknown): Promise<Envelope<unknown>> {
  if (typeof channel !== 'string' || !Object.hasOwn(requestSchemas, channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `unknown channel ${JSON.stringify(channel)}` } };
  }
  const name = channel as Channel;
  const parsed = requestSchemas[name].safeParse(request ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: { code: 'bad-request', message: `${name}: ${issue?.message ?? 'invalid request'}${where}` } };
  }
  try {
    const handler = table[name] as (req: unknown) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof PilcrowError) return { ok: false, error: { code: error.code, message: error.message } };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message } };
  }
}
