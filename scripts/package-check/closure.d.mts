export function productionClosure(projectDir: string): Map<string, { name: string; version: string; neededBy: string; dir: string }>;
