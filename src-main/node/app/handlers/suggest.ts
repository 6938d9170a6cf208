/** Label suggestions for the open workspace (docs/suggestions.md): per article, and the settings. */
import { BUILTIN_SUGGESTERS, BUILTIN_SUGGESTER_NAMES, acceptAllOf, isEnabled, thresholdOf, type SuggestSettings } from '../../../core/suggest/types';
import type { HandlerTable } from '../../../shared/ipc';
import { changesSuggestSettings, type SuggestSettingsView } from '../../../shared/contract/suggest';
import { rejectedLabels } from '../../annotations/suggestion-rejections';
import { SuggestSettingsStore } from '../../suggest/settings-store';
import { WorkspaceSuggester } from '../../suggest/workspace-suggester';
import { suggestRunner } from '../../suggest/suggest-thread';
import { RuleCalibrationCache } from '../../suggest/rule-calibration';
import type { GatheredArticle } from '../../suggest/gather';
import { mergeAgreeingIn } from '../../../core/suggest/agree';
import { settingsByName, thresholdsById } from '../../../core/suggest/suggest';
import { labelNaming } from '../../../core/label-schema';
import { defaultSchema } from '../../../shared/labels';
import { notCuedParagraphs } from '../../../core/suggest/cue-limit';
import { LEARNED_DESCRIPTION, LEARNED_SUGGESTER } from '../../../core/learn/score';
import { learnServiceOf } from './learn';
import type { Workspace } from '../../workspace/workspace';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';

type SuggestHandlers = Pick<HandlerTable, 'suggest.article' | 'suggest.settings'>;

export function suggestHandlers({ session, emit }: HandlerContext): SuggestHandlers {
  const learner = learnServiceOf(session, emit);
  // The cues are read in the suggester's worker thread: a long or crafted article never holds up a key.
  const runner = suggestRunner(session.options.suggestWorker);
  session.onClose.add(() => void runner.close());
  let current: { workspace: Workspace; suggester: WorkspaceSuggester; settings: SuggestSettingsStore; calibration: RuleCalibrationCache } | null = null;
  const forWorkspace = () => {
    const { workspace } = session.requireWorkspace();
    if (current?.workspace !== workspace) {
      current = {
        workspace,
        suggester: new WorkspaceSuggester(workspace, runner),
        settings: new SuggestSettingsStore(workspace.root, session.options.onRecover),
        calibration: new RuleCalibrationCache(workspace.root, session.options.onRecover),
      };
    }
    return current;
  };
  const labelNames = () => session.labels.map((l) => l.name);
  const namingSource = () => session.schema?.schema ?? defaultSchema();
  const naming = () => labelNaming(namingSource());

  return {
    'suggest.article': async ({ articleId }) => {
      const article = await session.loadArticle(articleId); // the editor's own error for an unknown or unreadable article
      const { suggester, settings, calibration: calibrations } = forWorkspace();
      const current = settingsByName(await settings.read(), naming());
      const layer = await session.requireWorkspace().store.load(article.path);
      const labels = labelNames();
      const floor = Math.min(...labels.map((l) => thresholdOf(current, l)));
      const learned = (a: GatheredArticle) => learner.scoringFor(a, layer, floor);
      const { paragraphs, problems, calibration } = await suggester.forArticle(articleId, current, labels, learned, (articles) => calibrations.current(suggester, articles, labels, namingSource()), namingSource());
      // One ghost per label: the learned model and a rule that agree are shown once, with both reasons.
      const measured = { decided: calibration.decided, labels: calibration.measured() };
      return { articleId, paragraphs: mergeAgreeingIn(paragraphs), notCued: notCuedParagraphs(article), problems, rejected: rejectedLabels(layer), acceptAll: acceptAllOf(current), measured };
    },
    'suggest.settings': async (change) => {
      const { suggester, settings } = forWorkspace();
      const labels = labelNames();
      const unknown = Object.keys(change.thresholds ?? {}).filter((l) => !labels.includes(l));
      if (unknown.length > 0) throw new PilcrowError('unknown-label', { code: 'no-threshold-label', labels: unknown });
      const byId = change.thresholds ? { ...change, thresholds: thresholdsById(change.thresholds, naming()) } : change;
      const saved = settingsByName(changesSuggestSettings(change) ? await settings.change(byId) : await settings.read(), naming());
      const articles = await suggester.refresh();
      const models = await suggester.predictions(articles, labels);
      return settingsView(saved, labels, models.layers, learner.enabled);
    },
  };
}

function settingsView(settings: SuggestSettings, labels: readonly string[], models: readonly string[], learned: boolean): SuggestSettingsView {
  return {
    suggesters: [
      ...BUILTIN_SUGGESTER_NAMES.map((name) => ({ name, kind: 'builtin' as const, labels: [...BUILTIN_SUGGESTERS[name].labels], description: BUILTIN_SUGGESTERS[name].description, enabled: isEnabled(settings, name) })),
      ...(learned ? [{ name: LEARNED_SUGGESTER, kind: 'learned' as const, labels: [...labels], description: LEARNED_DESCRIPTION, enabled: isEnabled(settings, LEARNED_SUGGESTER) }] : []),
      ...models.map((name) => ({ name, kind: 'model' as const, labels: [...labels], description: 'Imported model predictions (.pilcrow/predictions/)', enabled: isEnabled(settings, name) })),
    ],
    thresholds: Object.fromEntries(labels.map((l) => [l, thresholdOf(settings, l)])),
    acceptAll: acceptAllOf(settings),
  };
}
