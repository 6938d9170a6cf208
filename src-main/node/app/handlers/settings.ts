/** App-wide preferences: UI language and theme (the annotator name is in handlers/app.ts). */
import type { HandlerTable } from '../../../shared/ipc';
import type { HandlerContext } from '../context';

export function settingsHandlers({ session }: HandlerContext): Pick<HandlerTable, 'settings.setUi'> {
  return {
    'settings.setUi': async (change) => session.settings.setUi(change),
  };
}
