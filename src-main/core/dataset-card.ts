/**
 * The README.md of a Hugging Face-style dataset folder (docs/export.md, "hf"): YAML front matter
 * that `datasets` reads (configs with one Parquet file per split, features with the label names
 * as a class-label list, splits with their example counts), then prose from the workspace: the
 * labels and their definitions, who annotated, how answers were resolved, agreement, where the
 * text came from (articles and the SHA-256 of each source file), and the command that made it.
 * Pure: the node side gathers the facts.
 */

export interface CardLabel {
  name: string;
  description: string;
  /** The guidelines' section about this label (its heading names the label), if any. */
  guideline?: string;
}

export interface CardAgreement {
  annotators: string[];
  items: number;
  percent_agreement: number | null;
  krippendorff_alpha: number | null;
  fleiss_kappa: number | null;
  per_label: Record<string, { krippendorff_alpha: number | null }>;
  pairwise: { a: string; b: string; items: number; cohen_kappa: number | null }[];
}

export interface CardInput {
  workspace: string;
  pilcrowVersion: string;
  exportedAt: string;
  labelMode: 'multi' | 'single';
  /** Class names, in class-id order: the schema's (or the chosen subset), then any other label the records carry. */
  labels: CardLabel[];
  /** split → examples written. */
  splits: Record<string, number>;
  /** Bytes of each split's Parquet file. */
  splitBytes: Record<string, number>;
  annotators: Record<string, number>;
  resolve: string[];
  counts: { records: number; labelled: number; none: number; untouched: number; unresolved: number; ties: number; undecided: number; orphaned: number; skipped: number };
  split: { ratios: [number, number, number]; seed: number } | null;
  doneOnly: boolean;
  agreement: CardAgreement | { unavailable: string };
  articles: { path: string; source_sha256: string; split?: string | undefined }[];
  command: string;
}

/** The marker that says a folder's README.md is one this code wrote (so a new export may replace it). */
export const CARD_MARKER = '<!-- written by Pilcrow: pilcrow export --format hf -->';

const yamlString = (s: string) => JSON.stringify(s);

/** The features, as `datasets` spells them in YAML (Features._to_yaml_list). */
const FEATURES: [string, string][] = [
  ['article', 'string'], ['paragraph', 'int32'], ['paragraph_id', 'string'], ['text', 'string'], ['start', 'int32'], ['end', 'int32'],
  ['annotator', 'string'], ['status', 'string'], ['labels', ''], ['updated_at', 'string'], ['source_sha256', 'string'], ['encoding', 'string'],
  ['done_at', 'string'], ['via', 'string'], ['suggested_by', 'string'], ['note', 'string'], ['flagged', 'bool'], ['recheck', 'string'],
  ['reviewer', 'string'], ['took', 'string'], ['split', 'string'], ['resolved_from', 'string'], ['agreeing', ''],
];

export function splitFileName(split: string): string {
  return `data/${split}-00000-of-00001.parquet`;
}

export function datasetCard(input: CardInput): string {
  const splits = Object.keys(input.splits);
  const yaml: string[] = [
    '---',
    'configs:',
    '- config_name: default',
    '  data_files:',
    ...splits.flatMap((s) => [`  - split: ${s}`, `    path: ${splitFileName(s)}`]),
    'dataset_info:',
    '  features:',
    ...FEATURES.flatMap(([name, dtype]) => {
      if (name === 'labels') return ['  - name: labels', '    sequence:', '      class_label:', '        names:', ...input.labels.map((l, i) => `          '${i}': ${yamlString(l.name)}`)];
      if (name === 'agreeing') return ['  - name: agreeing', '    sequence: string'];
      return [`  - name: ${name}`, `    dtype: ${dtype}`];
    }),
    '  splits:',
    ...splits.flatMap((s) => [`  - name: ${s}`, `    num_bytes: ${input.splitBytes[s] ?? 0}`, `    num_examples: ${input.splits[s]}`]),
    `  dataset_size: ${Object.values(input.splitBytes).reduce((a, b) => a + b, 0)}`,
    'task_categories:',
    '- text-classification',
    'pretty_name: ' + yamlString(`${input.workspace} paragraph labels`),
    '---',
    '',
  ];
  const total = Object.values(input.splits).reduce((a, b) => a + b, 0);
  const prose = [
    CARD_MARKER,
    `# ${input.workspace}: paragraph labels`,
    '',
    `Paragraphs of news articles labelled in Pilcrow ${input.pilcrowVersion}, exported ${input.exportedAt}: ${total} examples (one per paragraph${input.resolve.length ? ', one resolved answer each' : ' and annotator'}), ${input.labelMode === 'multi' ? 'several labels per paragraph allowed' : 'at most one label per paragraph'}.`,
    '',
    '```python',
    'from datasets import load_dataset',
    'ds = load_dataset("path/to/this/folder")',
    `ds["${splits[0] ?? 'train'}"].features["labels"]  # Sequence(ClassLabel(names=[…]))`,
    '```',
    '',
    'The Parquet files load as they are too: `pandas.read_parquet("data/")`, or DuckDB `select * from \'data/*.parquet\'`. `labels` is the list of label names (`[]`: reviewed, none applies; null: not decided); `start`/`end` are code-point offsets into the article text.',
    '',
    '## Labels',
    '',
    '| id | label | definition |',
    '|---|---|---|',
    ...input.labels.map((l, i) => `| ${i} | ${cell(l.name)} | ${cell([l.description, l.guideline].filter(Boolean).join(' — ') || '(no definition in the schema or guidelines)')} |`),
    '',
    '## Splits',
    '',
    input.split
      ? `Split by article (every paragraph of an article is in one split), ratios ${input.split.ratios.join('/')} with seed ${input.split.seed}: the same workspace and seed give the same split.`
      : 'One split, `train`: the export was not split (`--split 80,10,10 --seed N` splits by article).',
    '',
    '| split | examples |',
    '|---|---|',
    ...splits.map((s) => `| ${s} | ${input.splits[s]} |`),
    '',
    '## Annotators',
    '',
    '| annotator | examples |',
    '|---|---|',
    ...Object.entries(input.annotators).map(([name, n]) => `| ${cell(name)} | ${n} |`),
    '',
    `${input.doneOnly ? 'Only articles an annotator marked done are included (gold always counts).' : 'Articles in progress are included, with `status` saying whether the annotator marked the article done.'}`,
    '',
    '## How answers were resolved',
    '',
    ...resolution(input),
    '',
    '## Agreement',
    '',
    ...agreement(input.agreement),
    '',
    '## Source and provenance',
    '',
    `${input.articles.length} articles. \`source_sha256\` is the SHA-256 of the article file's bytes at export time: the text of each example can be checked against its source.`,
    '',
    '| article | split | source SHA-256 |',
    '|---|---|---|',
    ...input.articles.slice(0, ARTICLE_ROWS).map((a) => `| ${cell(a.path)} | ${a.split ?? ''} | \`${a.source_sha256}\` |`),
    ...(input.articles.length > ARTICLE_ROWS ? ['', `…and ${input.articles.length - ARTICLE_ROWS} more: every example carries its article and source_sha256.`] : []),
    '',
    `Counts: ${input.counts.labelled} labelled, ${input.counts.none} reviewed with no label, ${input.counts.untouched} not decided; ${input.counts.orphaned} orphaned labels (their paragraph is gone) and ${input.counts.skipped} unreadable articles are not in the data.`,
    '',
    '## How this was made',
    '',
    '```',
    input.command,
    '```',
    '',
  ];
  return [...yaml, ...prose].join('\n');
}

const ARTICLE_ROWS = 200;

function resolution(input: CardInput): string[] {
  if (!input.resolve.length) return ['Not resolved: every annotator\'s own answer is an example of its own (`annotator` says whose). Resolve with `--resolve gold,majority,single` for one answer per paragraph.'];
  const steps = input.resolve.map((s) =>
    s === 'gold' ? '`gold`: the reviewers\' adjudicated answer' : s === 'majority' ? '`majority`: the label set most annotators chose (no majority on a tie)' : s === 'single' ? '`single`: the only annotator who decided' : `\`${s}\`: that annotator's answer`,
  );
  const c = input.counts;
  return [
    `Steps, in order (the first that decides gives the answer; \`resolved_from\` says which): ${steps.join('; ')}.`,
    '',
    `${c.unresolved} paragraphs were left unresolved (in the data only with \`--include-untouched\`, as \`labels: null\`): ${c.ties} ties (annotators disagreed with no majority) and ${c.undecided} undecided (too few annotators decided).`,
  ];
}

const num = (v: number | null) => (v === null ? '—' : v.toFixed(3));

function agreement(a: CardAgreement | { unavailable: string }): string[] {
  if ('unavailable' in a) return [`Not computed: ${a.unavailable}.`];
  return [
    `Between ${a.annotators.join(', ')}, over ${a.items} paragraphs decided by two or more: percent agreement ${num(a.percent_agreement)}, Krippendorff's alpha ${num(a.krippendorff_alpha)}, Fleiss' kappa ${num(a.fleiss_kappa)} (label sets compared whole).`,
    '',
    '| label | Krippendorff\'s alpha |',
    '|---|---|',
    ...Object.entries(a.per_label).map(([label, s]) => `| ${cell(label)} | ${num(s.krippendorff_alpha)} |`),
    '',
    ...a.pairwise.map((p) => `- ${p.a} × ${p.b}: Cohen's kappa ${num(p.cohen_kappa)} over ${p.items} paragraphs`),
  ];
}

/** A Markdown table cell: pipes escaped, one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * Each label's part of the team's guidelines: the text under a heading that names the label
 * ("## quote", "### Quote — reported speech"), up to the next heading, on one line and at most
 * GUIDELINE_CHARS characters.
 */
export function guidelineSections(markdown: string, labels: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = markdown.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(lines[i]!);
    if (!heading) continue;
    const words = heading[1]!.toLowerCase().split(/[^\p{L}\p{N}_-]+/u);
    const label = labels.find((l) => words.includes(l.toLowerCase()) && out[l] === undefined);
    if (!label) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && !/^#{1,6}\s/.test(lines[j]!); j++) body.push(lines[j]!.trim());
    const text = body.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
    if (text) out[label] = text.length > GUIDELINE_CHARS ? `${text.slice(0, GUIDELINE_CHARS - 1)}…` : text;
  }
  return out;
}

const GUIDELINE_CHARS = 400;
