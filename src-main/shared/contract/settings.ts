/** Channels for app-wide preferences (kept in the app's settings, never in a workspace). */
import { z } from 'zod';
import type { UiSettings } from '../views';

export const settingsChannels = {
  'settings.setUi': z.strictObject({ language: z.enum(['en', 'fa']).optional(), theme: z.enum(['system', 'light', 'dark']).optional() }),
} as const;

export interface SettingsResponses {
  'settings.setUi': UiSettings;
}
