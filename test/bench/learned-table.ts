/** The learned suggester's figures as docs/suggestions.md keeps them (eval-learned.ts writes them, reference-eval.test.ts checks the sample's). */
import type { EvaluationReport } from '../../src-main/node/learn/jobs';

const f = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));

/** The markdown block docs/suggestions.md keeps for one workspace (reference-eval.test.ts checks the sample's). */
export function learnedTable(r: EvaluationReport): string {
  const rows = ['| suggester | label | precision | recall | F1 | tp / fp / fn |', '|---|---|---|---|---|---|'];
  for (const [name, perLabel] of [['learned', r.learned], ['rules', r.rules], ['rules + learned', r.combined]] as const) {
    for (const [label, s] of Object.entries(perLabel)) rows.push(`| ${name} | ${label} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${s.tp} / ${s.fp} / ${s.fn} |`);
  }
  const labels = Object.keys(r.learned);
  const curve = [`| labelled articles trained on | ${labels.join(' | ')} |`, `|---|${labels.map(() => '---|').join('')}`];
  for (const p of r.curve) curve.push(`| ${p.articles}${p.all ? ' (all)' : ''} | ${labels.map((l) => f(p.f1[l])).join(' | ')} |`);
  return [`${r.items} decided paragraphs in ${r.articles} articles against \`${r.against}\`, ${r.folds} folds by article, seed ${r.seed}, thresholds ${Object.values(r.thresholds).join(' / ')}.`, '', ...rows, '', 'Learning curve (F1 on the held-out articles):', '', ...curve].join('\n');
}
