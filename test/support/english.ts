/** What main said (shared/messages), in English, for tests that read its sentences. */
import { englishText, isMainMessage } from '../../src-main/shared/messages';

export function english(said: unknown): string {
  if (Array.isArray(said)) return said.map(english).join('\n');
  if (isMainMessage(said)) return englishText(said);
  if (said === undefined || said === null) return '';
  return String(said);
}
