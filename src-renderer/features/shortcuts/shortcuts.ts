/**
 * Every shortcut of the annotation loop, as the shortcuts sheet lists them (docs/shortcuts.md
 * says the same). Keys are physical positions (KeyboardEvent.code), shown with their Latin caps.
 */
import type { Messages } from '../../i18n/en';

export type ShortcutGroup = 'move' | 'decide' | 'folded' | 'article' | 'panels';

export interface Shortcut {
  group: ShortcutGroup;
  /** Alternatives, each a list of caps pressed together. */
  keys: string[][];
  describe: (m: Messages) => string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { group: 'move', keys: [['↓'], ['↑'], ['J'], ['K']], describe: (m) => m.keys.move },
  { group: 'move', keys: [['Shift', '↓'], ['Shift', '↑'], ['Shift', 'J'], ['Shift', 'K']], describe: (m) => m.keys.extend },
  { group: 'move', keys: [['Home'], ['End']], describe: (m) => m.keys.firstLast },
  { group: 'move', keys: [['PgDn'], ['PgUp']], describe: (m) => m.keys.page },
  { group: 'move', keys: [['Click'], ['Shift', 'Click']], describe: (m) => m.keys.click },
  { group: 'move', keys: [['Ctrl/⌘', 'A']], describe: (m) => m.keys.selectAll },
  { group: 'move', keys: [['Esc']], describe: (m) => m.keys.escape },
  { group: 'decide', keys: [['1'], ['2'], ['…']], describe: (m) => m.keys.label },
  { group: 'decide', keys: [['Space'], ['Enter']], describe: (m) => m.keys.none },
  { group: 'decide', keys: [['Backspace'], ['Delete']], describe: (m) => m.keys.clear },
  { group: 'decide', keys: [['Ctrl/⌘', 'Z']], describe: (m) => m.keys.undo },
  { group: 'decide', keys: [['Shift', 'Ctrl/⌘', 'Z'], ['Ctrl', 'Y']], describe: (m) => m.keys.redo },
  { group: 'decide', keys: [['F']], describe: (m) => m.keys.flag },
  { group: 'decide', keys: [['C']], describe: (m) => m.keys.note },
  { group: 'decide', keys: [['Shift', 'D']], describe: (m) => m.keys.done },
  { group: 'decide', keys: [['A']], describe: (m) => m.keys.acceptSuggestion },
  { group: 'decide', keys: [['Shift', 'A']], describe: (m) => m.keys.acceptAllSuggestions },
  { group: 'decide', keys: [['D']], describe: (m) => m.keys.rejectSuggestion },
  { group: 'folded', keys: [['Enter'], ['Space'], ['Click']], describe: (m) => m.keys.foldOpen },
  { group: 'folded', keys: [['A']], describe: (m) => m.keys.foldAccept },
  { group: 'folded', keys: [['D']], describe: (m) => m.keys.foldReject },
  { group: 'folded', keys: [['Shift', 'Enter']], describe: (m) => m.keys.foldAgain },
  { group: 'article', keys: [['N'], ['P']], describe: (m) => m.keys.article },
  { group: 'article', keys: [['U'], ['Shift', 'U']], describe: (m) => m.keys.undecided },
  { group: 'article', keys: [['Alt', 'S']], describe: (m) => m.articleTools.keySplit },
  { group: 'article', keys: [['Alt', 'M']], describe: (m) => m.articleTools.keyMerge },
  { group: 'panels', keys: [['Ctrl/⌘', 'F']], describe: (m) => m.articleTools.keySearch },
  { group: 'panels', keys: [['Shift', 'F']], describe: (m) => m.keys.flagged },
  { group: 'panels', keys: [['G']], describe: (m) => m.keys.guidelines },
  { group: 'panels', keys: [['?']], describe: (m) => m.keys.sheet },
];
