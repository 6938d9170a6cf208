export const SIGNING_VARIABLES: string[];
export interface SigningStep {
  platform: string;
  signed: boolean;
  notarized: boolean | null;
  summary: string;
  config: Record<string, string>;
  env?: Record<string, string>;
}
export function signingPlan(env: Record<string, string | undefined>, platforms: ('linux' | 'mac' | 'win')[]): SigningStep[];
export function platformsOf(args: string[], hostPlatform?: string): ('linux' | 'mac' | 'win')[];
