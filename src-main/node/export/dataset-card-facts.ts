/**
 * Gathers what the dataset card says (core/dataset-card.ts) from the export and the workspace:
 * the labels with their schema descriptions and their sections of guidelines.md, the rows and
 * bytes per split, the agreement between the exported annotators (node/review), and each
 * article's source hash.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetCard, guidelineSections, splitFileName, type CardAgreement, type CardInput } from '../../core/dataset-card';
import type { ExportOptions } from '../../shared/contract/export';
import { AgreementChoiceError, workspaceAgreement } from '../review/agreement-report';
import { readGuidelines } from '../workspace-schema/guidelines';
import type { ExportEnv } from './types';
import type { ExportManifest, ExportSummary } from './types';
import { GOLD_ANNOTATOR } from '../../shared/labels';

export interface CardFacts {
  manifest: ExportManifest;
  summary: ExportSummary;
  rows: Map<string, number>;
  labelsSeen: ReadonlySet<string>;
  articles: { path: string; source_sha256: string; split?: string | undefined }[];
  dir: string;
  command: string;
}

export async function datasetCardFor(env: ExportEnv, options: ExportOptions, facts: CardFacts): Promise<string> {
  const { manifest, summary } = facts;
  const chosen = manifest.filters.labels;
  const schema = manifest.label_schema.filter((l) => chosen === null || chosen.includes(l.name));
  const names = [...schema.map((l) => l.name), ...[...facts.labelsSeen].filter((l) => !schema.some((s) => s.name === l)).sort()];
  const guidelines = await readGuidelines(env.workspace.root);
  const sections = 'text' in guidelines ? guidelineSections(guidelines.text, names) : {};
  const order = ['train', 'dev', 'test'];
  const splits = [...facts.rows.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const splitBytes: Record<string, number> = {};
  for (const s of splits) splitBytes[s] = (await stat(join(facts.dir, splitFileName(s))).catch(() => null))?.size ?? 0;
  const input: CardInput = {
    workspace: manifest.workspace,
    pilcrowVersion: manifest.pilcrow_version,
    exportedAt: manifest.exported_at,
    labelMode: manifest.label_mode,
    labels: names.map((name) => {
      const def = schema.find((l) => l.name === name);
      return { name, description: def?.description ?? 'not in the label schema (a removed or imported label)', ...(sections[name] ? { guideline: sections[name] } : {}) };
    }),
    splits: Object.fromEntries(splits.map((s) => [s, facts.rows.get(s) ?? 0])),
    splitBytes,
    annotators: { ...summary.counts.per_annotator },
    resolve: manifest.filters.resolve,
    counts: summary.counts,
    split: options.split ? { ratios: options.split.ratios, seed: options.split.seed } : null,
    doneOnly: options.doneOnly,
    agreement: await agreementOf(env, manifest),
    articles: facts.articles,
    command: facts.command,
  };
  return datasetCard(input);
}

async function agreementOf(env: ExportEnv, manifest: ExportManifest): Promise<CardAgreement | { unavailable: string }> {
  const annotators = manifest.annotators.filter((a) => a !== GOLD_ANNOTATOR);
  try {
    const report = await workspaceAgreement(env.workspace, env.reader, manifest.label_schema.map((l) => l.name), annotators);
    return { ...report, per_label: report.per_label };
  } catch (error) {
    if (error instanceof AgreementChoiceError) return { unavailable: annotators.length < 2 ? `it needs two or more annotators; this export has ${annotators.join(', ') || 'none'}` : error.message };
    throw error;
  }
}
