/**
 * Builds one article's export records (docs/export.md) from its paragraphs and the chosen
 * annotators' layers. Pure: the node side reads files and writes the formats.
 *
 * Decisions follow docs/storage.md: an entry is a decision (`[]` = reviewed, none); a paragraph
 * without an entry counts as "none" when its layer is marked done; otherwise it is untouched.
 * Labels whose paragraph is gone are returned as orphans, never dropped.
 */
import type { Paragraph } from './paragraphs';
import { majorityOf } from './decisions';
import { latestOf } from './instant';
import { resolveParagraph, type Vote } from './resolve';
import type { SplitName } from './splits';
import { nameRecord } from '../shared/name-record';
import { GOLD_ANNOTATOR } from '../shared/labels';

export interface LayerEntry {
  index: number;
  labels: string[];
  updated_at: string;
  via?: string | undefined;
  suggested_by?: Record<string, string> | undefined;
  note?: string | undefined;
  flagged?: boolean | undefined;
  recheck?: string | undefined;
  reviewer?: string | undefined;
  took?: string | undefined;
  /** Holds only a note or a flag: the paragraph is still untouched. */
  undecided?: true | undefined;
}
export interface Layer {
  annotator: string;
  status?: 'in_progress' | 'done' | undefined;
  done_at?: string | undefined;
  updated_at?: string | undefined;
  paragraphs: Readonly<Record<string, LayerEntry>>;
  orphans?: readonly { paragraph_id: string; entry: LayerEntry; orphaned_at: string; reason: string }[] | undefined;
}
export interface ArticleData {
  path: string;
  encoding: string;
  source_sha256: string;
  paragraphs: readonly Paragraph[];
}
export interface RecordChoices {
  /** Resolution steps (core/resolve.ts); empty = one record per paragraph and layer. */
  resolve: readonly string[];
  /** Label subset; null = all labels. */
  labels: readonly string[] | null;
  includeUntouched: boolean;
  split?: SplitName | undefined;
}

/** What a layer decided on one paragraph, as exported: the entry's fields that are present. */
export interface Decision {
  labels: string[];
  updated_at: string;
  via?: string;
  suggested_by?: Record<string, string>;
  note?: string;
  flagged?: boolean;
  recheck?: string;
  reviewer?: string;
  took?: string;
}

export interface ExportRecord extends Partial<Omit<Decision, 'labels' | 'updated_at'>> {
  article: string;
  paragraph: number;
  paragraph_id: string;
  text: string;
  start: number;
  end: number;
  annotator: string;
  status: 'in_progress' | 'done';
  /** null only for untouched paragraphs, which are exported on request. */
  labels: string[] | null;
  updated_at: string | null;
  source_sha256: string;
  encoding: string;
  done_at?: string;
  split?: SplitName;
  resolved_from?: string | null;
  agreeing?: string[];
}

export interface ParagraphDecisions {
  index: number;
  paragraph_id: string;
  start: number;
  end: number;
  /** annotator → decision, for the chosen layers that decided this paragraph. */
  decisions: Record<string, Decision>;
}

export interface OrphanedLabels extends Partial<Omit<Decision, 'labels' | 'updated_at'>> {
  article: string;
  annotator: string;
  paragraph_id: string;
  last_index: number;
  labels: string[];
  updated_at: string;
  reason: string;
}

export interface ArticleExport {
  records: ExportRecord[];
  paragraphs: ParagraphDecisions[];
  orphans: OrphanedLabels[];
  /** Paragraphs no resolution step decided (resolve mode only): ties + undecided. */
  unresolved: number;
  /** Of those, paragraphs two or more annotators decided without a majority (majority's tie rule). */
  ties: number;
}

const OPTIONAL = ['via', 'suggested_by', 'note', 'flagged', 'recheck', 'reviewer', 'took'] as const;

function decisionFrom(entry: LayerEntry, subset: ReadonlySet<string> | null): Decision {
  const d: Decision = { labels: subset ? entry.labels.filter((l) => subset.has(l)) : [...entry.labels], updated_at: entry.updated_at };
  for (const key of OPTIONAL) if (entry[key] !== undefined) (d as unknown as Record<string, unknown>)[key] = entry[key];
  return d;
}

/** The layer's decision on a paragraph, or undefined when untouched. */
export function decisionIn(layer: Layer, paragraphId: string, subset: ReadonlySet<string> | null): Decision | undefined {
  const entry = layer.paragraphs[paragraphId];
  if (entry && !entry.undecided) return decisionFrom(entry, subset);
  if (layer.status === 'done') {
    const d: Decision = { labels: [], updated_at: layer.done_at ?? layer.updated_at ?? '', via: 'done' };
    return entry ? Object.assign(decisionFrom(entry, subset), d) : d;
  }
  return undefined;
}

/** A note or flag on a paragraph nobody decided: exported as a `labels: null` record so it is never lost. */
function remarkIn(layer: Layer, paragraphId: string): Partial<Decision> | undefined {
  const entry = layer.paragraphs[paragraphId];
  if (!entry?.undecided || (entry.note === undefined && !entry.flagged)) return undefined;
  const { labels: _l, ...rest } = decisionFrom(entry, null);
  return rest;
}

export function buildArticleExport(article: ArticleData, layers: readonly Layer[], choices: RecordChoices): ArticleExport {
  const subset = choices.labels ? new Set(choices.labels) : null;
  const out: ArticleExport = { records: [], paragraphs: [], orphans: [], unresolved: 0, ties: 0 };
  const gold = layers.find((l) => l.annotator === GOLD_ANNOTATOR);
  const voters = layers.filter((l) => l.annotator !== GOLD_ANNOTATOR);
  for (const paragraph of article.paragraphs) {
    const decisions = nameRecord<Decision>();
    for (const layer of layers) {
      const d = decisionIn(layer, paragraph.id, subset);
      if (d) decisions[layer.annotator] = d;
    }
    out.paragraphs.push({ index: paragraph.index, paragraph_id: paragraph.id, start: paragraph.start, end: paragraph.end, decisions });
    const base = (annotator: string, layer: Layer | undefined) => recordBase(article, paragraph, annotator, layer);
    if (choices.resolve.length === 0) {
      for (const layer of layers) {
        const d = decisions[layer.annotator];
        if (d) out.records.push(finish(withDecision(base(layer.annotator, layer), d), choices));
        else {
          const remark = remarkIn(layer, paragraph.id);
          if (remark || choices.includeUntouched) out.records.push(finish(Object.assign(base(layer.annotator, layer), remark), choices));
        }
      }
      continue;
    }
    const votes: Vote[] = voters.flatMap((l) => (decisions[l.annotator] ? [{ annotator: l.annotator, labels: decisions[l.annotator]!.labels }] : []));
    const resolution = resolveParagraph(choices.resolve, gold ? decisions[GOLD_ANNOTATOR]?.labels : undefined, votes);
    if (!resolution) {
      out.unresolved += 1;
      if (votes.length >= 2 && majorityOf(votes.map((v) => v.labels)) === null) out.ties += 1;
      if (choices.includeUntouched) out.records.push(finish({ ...base('unresolved', undefined), resolved_from: null }, choices));
      continue;
    }
    const sources = resolution.agreeing.map((name) => layers.find((l) => l.annotator === name)!);
    const record = base(resolution.annotator, resolution.from === 'majority' ? undefined : sources[0]);
    if (resolution.from === 'majority') {
      record.status = sources.every((l) => l.status === 'done') ? 'done' : 'in_progress';
      record.labels = resolution.labels;
      record.updated_at = latestOf(resolution.agreeing.map((n) => decisions[n]!.updated_at));
    } else {
      withDecision(record, decisions[resolution.agreeing[0]!]!);
    }
    record.resolved_from = resolution.from;
    record.agreeing = resolution.agreeing;
    out.records.push(finish(record, choices));
  }
  out.orphans = orphansOf(article, layers, subset);
  return out;
}

function recordBase(article: ArticleData, paragraph: Paragraph, annotator: string, layer: Layer | undefined): ExportRecord {
  const record: ExportRecord = {
    article: article.path,
    paragraph: paragraph.index,
    paragraph_id: paragraph.id,
    text: paragraph.text,
    start: paragraph.start,
    end: paragraph.end,
    annotator,
    status: layer?.status ?? 'in_progress',
    labels: null,
    updated_at: null,
    source_sha256: article.source_sha256,
    encoding: article.encoding,
  };
  if (layer?.status === 'done' && layer.done_at) record.done_at = layer.done_at;
  return record;
}

function withDecision(record: ExportRecord, d: Decision): ExportRecord {
  const { labels, updated_at, ...rest } = d;
  return Object.assign(record, { labels, updated_at }, rest);
}

/** Split and resolution fields go last, after the decision's own fields, in a fixed order. */
function finish(record: ExportRecord, choices: RecordChoices): ExportRecord {
  const { split: _s, resolved_from, agreeing, ...rest } = record;
  const out: ExportRecord = rest;
  if (choices.split) out.split = choices.split;
  if (choices.resolve.length) {
    out.resolved_from = resolved_from ?? null;
    if (agreeing) out.agreeing = agreeing;
  }
  return out;
}

function orphansOf(article: ArticleData, layers: readonly Layer[], subset: ReadonlySet<string> | null): OrphanedLabels[] {
  const ids = new Set(article.paragraphs.map((p) => p.id));
  const orphans: OrphanedLabels[] = [];
  const push = (annotator: string, id: string, entry: LayerEntry, reason: string) => {
    const { labels, updated_at, ...rest } = decisionFrom(entry, subset);
    if (labels.length === 0 && !rest.note) return;
    orphans.push({ article: article.path, annotator, paragraph_id: id, last_index: entry.index, labels, updated_at, reason, ...rest });
  };
  for (const layer of layers) {
    for (const [id, entry] of Object.entries(layer.paragraphs)) {
      if (!ids.has(id)) push(layer.annotator, id, entry, 'the paragraph is no longer in the article');
    }
    for (const o of layer.orphans ?? []) push(layer.annotator, o.paragraph_id, o.entry, o.reason);
  }
  return orphans;
}
