/**
 * Calls one channel of the handler table the way every transport must: validate the request
 * against the contract first, then wrap the outcome in an envelope. Electron's ipcMain and the
 * test harness both go through here, so they cannot drift apart.
 */
import { ZodError } from 'zod';
import { requestSchemas, type Channel, type Envelope, type HandlerTable } from '../../shared/ipc';
import { PilcrowError } from './errors';
import { detailOf, type MainMessage } from '../../shared/messages';

/** Longest message sent to the renderer: long enough for a path and a reason. */
const MAX_MESSAGE = 500;

export async function dispatch(table: HandlerTable, channel: unknown, request: unknown): Promise<Envelope<unknown>> {
  if (typeof channel !== 'string' || !Object.hasOwn(requestSchemas, channel)) {
    const shown = typeof channel === 'string' ? JSON.stringify(channel.slice(0, 80)) : `of type ${typeof channel}`;
    return failure('unknown-channel', `unknown channel ${shown}`);
  }
  const name = channel as Channel;
  const parsed = requestSchemas[name].safeParse(request ?? {});
  if (!parsed.success) return failure('bad-request', `${name}: ${describeZod(parsed.error)}`, { code: 'bad-request', detail: `${name}: ${describeZod(parsed.error)}` });
  try {
    const handler = table[name] as (req: unknown) => Promise<unknown>;
    return { ok: true, result: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof PilcrowError) return failure(error.code, error.message, error.detail);
    if (error instanceof ZodError) return failure('internal', describeZod(error));
    return failure('internal', error instanceof Error ? error.message : String(error), detailOf(error));
  }
}

function describeZod(error: ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
  return `${issue?.message ?? 'invalid request'}${where}`;
}

/**
 * Every message leaves as one short line: no stack traces, and nothing a caller typed (a key,
 * a label, a name with a line break) can stretch it over several lines or megabytes.
 */
function failure(code: string, message: string, detail?: MainMessage): Envelope<never> {
  const said = detail ? { detail: shortened(detail) } : {};
  return { ok: false, error: { code, message: oneLine(message), ...said } };
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const oneLine = (text: string) => short(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim());
const short = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text);

/** The detail's texts kept to one short line each, as the message is. */
function shortened(detail: MainMessage): MainMessage {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    copy[key] = typeof value === 'string' ? oneLine(value) : Array.isArray(value) ? value.slice(0, 50).map((v: unknown) => (typeof v === 'string' ? oneLine(v) : v)) : value;
  }
  return copy as MainMessage;
}
