/**
 * The scenario registry, in run order. Add a scenario as its feature lands: one file exporting
 * a `Scenario`, one line here. Memory comes right after 1–4 because it reports their peaks (Parquet
 * export, 4b, comes after it: its peak is its own figure).
 */
import type { Scenario } from '../types';
import { workspaceOpen } from './workspace-open';
import { articlePaint } from './article-paint';
import { keystroke } from './keystroke';
import { exportJson } from './export-json';
import { exportParquet } from './export-parquet';
import { memoryPeaks } from './memory-peaks';
import { agreement } from './agreement';
import { search } from './search';
import { suggest } from './suggest';
import { learnKeys, learnModel, learnTrain } from './learn';
import { pageReading } from './page-reading';
import { team } from './team';
import { hostileKeys } from './hostile-keys';

export const SCENARIOS: Scenario[] = [workspaceOpen, articlePaint, keystroke, exportJson, memoryPeaks, exportParquet, agreement, search, suggest, pageReading, learnTrain, learnModel, learnKeys, team, hostileKeys];
