/** Inter-annotator agreement statistics (pure; no Node or package imports). */
export { computeAgreement } from './agreement';
export { AgreementTallier, type AgreementChoice, type ArticleTally } from './article-tally';
export { goldFromTallies, reportFromTallies, type ArticleTallies } from './merge-tallies';
export { cohenKappa, fleissKappa, krippendorffAlphaNominal, percentAgreement, reliabilityDataToCounts } from './coefficients';
export { goldScores } from './gold';
export type { GoldInput, GoldLabelScores, GoldScores } from './gold';
export { labelSetDisplay, labelSetKey, labelSetOf } from './values';
export type {
  AgreementInput,
  AgreementItem,
  AgreementReport,
  ArticleAgreement,
  Coefficient,
  ConfusionMatrix,
  CountMatrix,
  LabelAgreement,
  PairwiseAgreement,
  Reasons,
} from './types';
