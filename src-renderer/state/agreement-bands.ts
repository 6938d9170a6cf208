/**
 * Agreement coefficients in words an editor-in-chief can read (docs/review.md): the published bands
 * each coefficient is usually read against, with their source. κ (Cohen's, Fleiss'): Landis &
 * Koch (1977), "The measurement of observer agreement for categorical data", Biometrics 33:159–174.
 * α: Krippendorff (2004), Content Analysis, 2nd ed., §11.4: rely on data with α ≥ 0.800, draw
 * tentative conclusions only from 0.667 ≤ α < 0.800. A value below 0 is agreement below chance.
 */
export type Measure = 'percent' | 'kappa' | 'alpha';

export type Band =
  | 'belowChance'
  | 'slight'
  | 'fair'
  | 'moderate'
  | 'substantial'
  | 'almostPerfect'
  | 'unreliable'
  | 'tentative'
  | 'reliable';

export type BandSource = 'landisKoch' | 'krippendorff';

/** The band a value falls in, with where the band comes from; null for raw percent agreement. */
export function bandOf(measure: Measure, value: number): { band: Band; source: BandSource } | null {
  if (measure === 'percent') return null;
  if (measure === 'alpha') {
    const band: Band = value < 0 ? 'belowChance' : value >= 0.8 ? 'reliable' : value >= 0.667 ? 'tentative' : 'unreliable';
    return { band, source: 'krippendorff' };
  }
  // Landis & Koch's bands are closed above: 0.20 is slight, 0.21 fair (their table's steps).
  const band: Band = value < 0 ? 'belowChance' : value <= 0.2 ? 'slight' : value <= 0.4 ? 'fair' : value <= 0.6 ? 'moderate' : value <= 0.8 ? 'substantial' : 'almostPerfect';
  return { band, source: 'landisKoch' };
}

/** Whether a band is where the team can rely on its labels (the green end of each scale). */
export function isGood(band: Band): boolean {
  return band === 'reliable' || band === 'substantial' || band === 'almostPerfect';
}
