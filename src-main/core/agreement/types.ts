/**
 * Types of the agreement statistics module. Report interfaces use snake_case keys because they
 * are serialised as-is by the CLI's `--json` output.
 */

/**
 * A coefficient that is either a finite number or undefined for the data, with the reason why.
 * Coefficients are never NaN or ±Infinity.
 */
export type Coefficient = { readonly value: number; readonly reason?: undefined } | { readonly value: null; readonly reason: string };

/** Rows of non-negative integer counts (units × values for α/Fleiss, a square table for Cohen). */
export type CountMatrix = readonly (readonly number[])[];

export interface AgreementItem {
  /** Paragraph id. */
  id: string;
  /** Article id, for per-article agreement. */
  article: string;
  /**
   * Annotator -> the paragraph's label set ([] means "reviewed, no label"). An annotator absent
   * from the record (or mapped to undefined) has no decision on this item.
   */
  decisions: Readonly<Record<string, readonly string[] | undefined>>;
}

export interface AgreementInput {
  annotators: string[];
  labels: string[];
  items: AgreementItem[];
}

/** `reasons` holds one entry per coefficient of the sibling object that is null. */
export type Reasons<K extends string> = Partial<Record<K, string>>;

export type OverallKey = 'percent_agreement' | 'krippendorff_alpha' | 'fleiss_kappa';

export interface PairwiseAgreement {
  a: string;
  b: string;
  /** Items decided by both a and b. */
  items: number;
  percent_agreement: number | null;
  cohen_kappa: number | null;
  reasons: Reasons<'percent_agreement' | 'cohen_kappa'>;
}

export interface LabelAgreement {
  krippendorff_alpha: number | null;
  fleiss_kappa: number | null;
  percent_agreement: number | null;
  reasons: Reasons<OverallKey>;
}

export interface ArticleAgreement {
  article: string;
  /** Items of this article decided by two or more annotators. */
  items: number;
  percent_agreement: number | null;
  krippendorff_alpha: number | null;
  reasons: Reasons<'percent_agreement' | 'krippendorff_alpha'>;
}

export interface ConfusionMatrix {
  a: string;
  b: string;
  /** Display names of the label sets, e.g. "claim + quote"; "(no label)" for the empty set. */
  values: string[];
  /** The exact label sets behind `values`, same order (labels sorted). */
  value_sets: string[][];
  /** matrix[i][j] = items where a chose values[i] and b chose values[j]. */
  matrix: number[][];
}

export interface AgreementReport {
  annotators: string[];
  /** Items decided by two or more of the selected annotators. */
  items: number;
  percent_agreement: number | null;
  krippendorff_alpha: number | null;
  fleiss_kappa: number | null;
  pairwise: PairwiseAgreement[];
  per_label: Record<string, LabelAgreement>;
  /** Items decided by every selected annotator (the items Fleiss' kappa uses). */
  fleiss_items: number;
  /** Articles with at least one item decided by ≥ 2 annotators, in order of first appearance. */
  per_article: ArticleAgreement[];
  confusion: ConfusionMatrix[];
  reasons: Reasons<OverallKey>;
}
