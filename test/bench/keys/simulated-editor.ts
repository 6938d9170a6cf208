/**
 * The editor the keystroke eval simulates (docs/suggestions.md, "Keystrokes"): it knows the answer
 * (the reference layer) and works the article top to bottom with the app's keys, at each step
 * taking the way on that fixes the most paragraphs per key. Ways are tried on a copy of the open
 * article (editor-session.ts), so what a key does is what the app does, suggestions included.
 *
 * Cost model, every key counted once (Shift+J is one key):
 *   moves     j/k, PgDn/PgUp (10 rows), Home/End, u (next undecided): the cheapest that reaches
 *             the first paragraph still wrong at or below the focus (then from the top);
 *   labels    a label's key (multi-label: toggles, single-label: sets and moves on), Space
 *             ("no label", moves on), Backspace (back to undecided);
 *   ranges    Shift+J, Shift+PgDn or Shift+End over the following paragraphs of the same answer,
 *             then their key(s); or over up to a screen of rows (10, one PgDn), whatever their
 *             answers, then A, which accepts every ghost in the selection (the app's A on a
 *             selection: the editor has read the screen and its ghosts are right);
 *   accepts   A (the paragraph's or folded run's suggestions, moving on), Shift+A then Enter
 *             (the accept-all offer as offered), or Shift+A, a label's key to leave it out, Enter;
 *   done      Shift+D once at the end of an article marks every undecided paragraph "no label",
 *             when `done` is allowed (else each gets its own Space);
 *   articles  n to the next article (one key per article after the first).
 * A paragraph is right when its labels are the reference's (single-label: the reference's first
 * label in schema order); a paragraph the reference has not decided is never counted.
 */
import type { LabelMode } from '../../../src-main/shared/labels';
import type { Editor, EditorSession } from './editor-session';
import type { KeyName } from './key-events';

/** The reference answer of an article: labels by paragraph index. */
export type Answers = ReadonlyMap<number, readonly string[]>;

export interface Policy {
  mode: LabelMode;
  /** Shift+D at the end instead of Space on every paragraph without a label. */
  done: boolean;
}

/** Longest range tried (Shift+J presses). */
const MAX_RANGE = 30;
/** Rows an editor reads at once before accepting a selection's ghosts: one PgDn. */
const SCREEN = 10;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((l) => b.includes(l));

export class SimulatedEditor {
  constructor(
    private readonly session: EditorSession,
    private readonly policy: Policy,
  ) {}

  /** The answer as this mode can give it. */
  answersFor(answers: Answers): Map<number, string[]> {
    const order = this.session.labels.map((l) => l.name);
    const out = new Map<number, string[]>();
    for (const [index, labels] of answers) {
      const known = order.filter((l) => labels.includes(l));
      out.set(index, this.policy.mode === 'single' ? known.slice(0, 1) : known);
    }
    return out;
  }

  /** Paragraphs not yet as the reference has them (an undecided one without label is fine when Shift+D will close the article). */
  wrong(editor: Editor, answers: ReadonlyMap<number, string[]>): number[] {
    const out: number[] = [];
    for (const [index, want] of answers) {
      const view = editor.article.at(index);
      const decided = !!view && !view.undecided;
      const right = decided ? sameSet(view.labels, want) : want.length === 0 && this.policy.done;
      if (!right) out.push(index);
    }
    return out.sort((a, b) => a - b);
  }

  /** Works one article to the reference; returns the keys pressed. */
  async work(editor: Editor, answers: Answers): Promise<KeyName[]> {
    const want = this.answersFor(answers);
    const pressed: KeyName[] = [];
    for (let guard = 0; guard < 10 * (want.size + 10); guard++) {
      const wrong = this.wrong(editor, want);
      if (wrong.length === 0) break;
      const plan = await this.bestPlan(editor, want, wrong);
      if (!plan) throw new Error(`${editor.article.view.path}: no key sequence fixes paragraph ${wrong[0]} (${want.get(wrong[0]!)?.join(', ') || 'no label'})`);
      for (const key of plan) editor.press(key);
      pressed.push(...plan);
      await this.session.settled(editor);
    }
    if (this.wrong(editor, want).length > 0) throw new Error(`${editor.article.view.path}: gave up`);
    if (this.policy.done && want.size > 0 && [...want.keys()].some((i) => editor.article.stateAt(i) === 'untouched')) {
      editor.press('Shift+d');
      pressed.push('Shift+d');
      await this.session.settled(editor);
    }
    return pressed;
  }

  /** The plan fixing the most paragraphs per key (then the shorter), tried on copies. */
  private async bestPlan(editor: Editor, want: ReadonlyMap<number, string[]>, wrong: readonly number[]): Promise<KeyName[] | null> {
    const before = wrong.length;
    let best: { keys: KeyName[]; gain: number } | null = null;
    for (const keys of this.plans(editor, want, wrong)) {
      const copy = await this.session.copy(editor, this.policy.mode);
      let ok = true;
      this.session.dryRun(() => {
        for (const key of keys) {
          try {
            copy.press(key);
          } catch {
            ok = false;
            return;
          }
        }
      });
      if (!ok) continue;
      const gain = before - this.wrong(copy, want).length;
      if (gain <= 0) continue;
      if (!best || gain * best.keys.length > best.gain * keys.length || (gain * best.keys.length === best.gain * keys.length && keys.length < best.keys.length)) best = { keys, gain };
    }
    return best?.keys ?? null;
  }

  /** Every plan worth trying: the accept-all offer, and moves to the next wrong paragraph then a way to fix it. */
  private *plans(editor: Editor, want: ReadonlyMap<number, string[]>, wrong: readonly number[]): Generator<KeyName[]> {
    const article = editor.article;
    const suggestions = editor.suggestions;
    if (suggestions.status === 'ready' && suggestions.articleId === article.view.id) {
      yield ['Shift+a', 'Enter'];
      for (const label of this.session.labels) if (label.key) yield ['Shift+a', label.key, 'Enter'];
    }
    const visible = article.visible;
    const at = article.cursor.positionOf(article.cursor.focus);
    const target = wrong.find((i) => article.cursor.positionOf(i) >= at) ?? wrong[0]!;
    const to = article.cursor.positionOf(target);
    const fixes = this.fixes(editor, want, target, to);
    for (const move of moves(at, to, visible.length, article.stateAt(target) === 'untouched')) {
      for (const fix of fixes) yield [...move, ...fix];
    }
  }

  /** Ways to fix the paragraph at visible position `to`: A, its label keys, or a range with it. */
  private fixes(editor: Editor, want: ReadonlyMap<number, string[]>, index: number, to: number): KeyName[][] {
    const article = editor.article;
    const out: KeyName[][] = [['a']];
    const keys = this.keysFor(editor, index, want.get(index) ?? []);
    if (keys.length > 0) out.push(keys);
    const visible = article.visible;
    const current = article.at(index);
    for (let span = 1; span <= MAX_RANGE && to + span < visible.length; span++) {
      const next = visible[to + span]!;
      const same = want.has(next) && sameSet(want.get(next)!, want.get(index) ?? []) && sameSet(article.at(next)?.labels ?? [], current?.labels ?? []) && article.stateAt(next) === article.stateAt(index);
      if (!same) break;
      if (keys.length > 0) out.push([...extend(span, visible.length - 1 - (to + span)), ...keys]);
    }
    // `a` on a selection accepts every paragraph's ghosts in it: the editor who has read a screen
    // of right ghosts selects them and accepts them with one key, whatever their labels.
    if (editor.suggestions.status === 'ready') {
      for (let span = 1; span < SCREEN && to + span < visible.length; span++) out.push([...extend(span, visible.length - 1 - (to + span)), 'a']);
    }
    return out;
  }

  /** The label keys that give paragraph `index` the labels `want` from where it is. */
  private keysFor(editor: Editor, index: number, want: readonly string[]): KeyName[] {
    const keyOf = (label: string) => this.session.labels.find((l) => l.name === label)?.key ?? '';
    const view = editor.article.at(index);
    const decided = !!view && !view.undecided;
    const has = decided ? view.labels : [];
    if (want.length === 0) {
      const clear: KeyName[] = has.length > 0 ? ['Backspace'] : [];
      return this.policy.done ? clear : [...clear, 'Space'];
    }
    if (this.policy.mode === 'single') return [keyOf(want[0]!)].filter((k) => k !== '');
    const toggles = [...want.filter((l) => !has.includes(l)), ...has.filter((l) => !want.includes(l))].map(keyOf);
    return toggles.every((k) => k !== '') ? toggles : [];
  }
}

/** Key sequences that move focus from visible position `from` to `to` (the cheapest few; the copy checks them). */
export function moves(from: number, to: number, rows: number, undecided: boolean): KeyName[][] {
  const d = to - from;
  const repeat = (key: KeyName, n: number) => Array<KeyName>(Math.max(0, n)).fill(key);
  const out: KeyName[][] = [];
  if (d === 0) return [[]];
  const [step, page, edge, back] = d > 0 ? (['j', 'PgDn', 'End', 'k'] as const) : (['k', 'PgUp', 'Home', 'j'] as const);
  const n = Math.abs(d);
  out.push(repeat(step, n));
  if (n >= 10) out.push([...repeat(page, Math.floor(n / 10)), ...repeat(step, n % 10)]);
  if (n % 10 >= 5) out.push([...repeat(page, Math.ceil(n / 10)), ...repeat(back, 10 - (n % 10))]);
  out.push([edge, ...repeat(back, d > 0 ? rows - 1 - to : to)]);
  if (undecided) out.push(['u'], ['u', 'u']);
  const seen = new Set<string>();
  return out.filter((keys) => !seen.has(keys.join(' ')) && !!seen.add(keys.join(' ')) && keys.length <= n + 1).sort((a, b) => a.length - b.length).slice(0, 3);
}

/** The cheapest keys that grow a selection `span` rows down, `below` rows short of the last: Shift+J, Shift+PgDn, Shift+End. */
export function extend(span: number, below: number): KeyName[] {
  const repeat = (key: KeyName, n: number) => Array<KeyName>(Math.max(0, n)).fill(key);
  const ways = [repeat('Shift+j', span), [...repeat('Shift+PgDn', Math.floor(span / 10)), ...repeat('Shift+j', span % 10)], ['Shift+End', ...repeat('Shift+k', below)]];
  return ways.sort((a, b) => a.length - b.length)[0]!;
}
