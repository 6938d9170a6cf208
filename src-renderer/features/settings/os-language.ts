/** The UI language a first run starts in: Persian when the operating system prefers it before English. */
export function osLanguage(preferred: readonly string[]): 'fa' | 'en' {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'fa' || primary === 'prs') return 'fa';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
