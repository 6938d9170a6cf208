// What `npm run dist` signs, from the environment variables electron-builder reads
// (docs/packaging.md). Without them a build is unsigned, says so when it runs, and its installer
// file is named …-unsigned so nobody mistakes it for a signed one.

/** Every variable that carries signing or notarisation secrets; CI passes unset secrets as ''. */
export const SIGNING_VARIABLES = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'CSC_NAME', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER', 'APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'];

const set = (env, name) => typeof env[name] === 'string' && env[name].trim() !== '';

/**
 * @param {Record<string, string | undefined>} env
 * @param {('linux' | 'mac' | 'win')[]} platforms
 * @returns {{ platform: string, signed: boolean, notarized: boolean | null, summary: string, config: Record<string, string> }[]}
 *   config: electron-builder `-c.` overrides for this platform
 */
export function signingPlan(env, platforms) {
  return platforms.map((platform) => {
    if (platform === 'linux') {
      return { platform, signed: false, notarized: null, summary: 'Linux: the AppImage and .deb carry no code signature (electron-builder signs neither); the release publishes their SHA-256 sums', config: {} };
    }
    if (platform === 'mac') {
      const signed = set(env, 'CSC_LINK') || set(env, 'CSC_NAME');
      const notarized = signed && ((set(env, 'APPLE_ID') && set(env, 'APPLE_APP_SPECIFIC_PASSWORD') && set(env, 'APPLE_TEAM_ID')) || (set(env, 'APPLE_API_KEY') && set(env, 'APPLE_API_KEY_ID') && set(env, 'APPLE_API_ISSUER')) || set(env, 'APPLE_KEYCHAIN_PROFILE'));
      if (!signed) {
        return {
          platform,
          signed,
          notarized: false,
          summary: 'macOS: UNSIGNED and not notarised (no CSC_LINK): Gatekeeper blocks the first open; the user allows it in System Settings › Privacy & Security',
          // Never a keychain identity found by chance: signing comes from the environment only.
          config: { 'mac.artifactName': '${productName}-${version}-mac-${arch}-unsigned.${ext}' },
          env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
        };
      }
      return { platform, signed, notarized, summary: `macOS: signed with the Developer ID from ${set(env, 'CSC_LINK') ? 'CSC_LINK' : 'CSC_NAME'}; ${notarized ? 'notarised by Apple' : 'NOT notarised (set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID, or the APPLE_API_KEY trio): Gatekeeper still warns'}`, config: {} };
    }
    const signed = set(env, 'WIN_CSC_LINK') || set(env, 'CSC_LINK');
    if (!signed) {
      return { platform, signed, notarized: null, summary: 'Windows: UNSIGNED (no WIN_CSC_LINK or CSC_LINK): SmartScreen warns before the installer runs', config: { 'win.artifactName': '${productName}-${version}-setup-${arch}-unsigned.${ext}' } };
    }
    return { platform, signed, notarized: null, summary: `Windows: signed with the certificate from ${set(env, 'WIN_CSC_LINK') ? 'WIN_CSC_LINK' : 'CSC_LINK'}`, config: {} };
  });
}

/** The platforms an electron-builder command line builds for: --linux/--mac/--win (or -l/-m/-w), else this machine's. */
export function platformsOf(args, hostPlatform = process.platform) {
  const named = [];
  for (const arg of args) {
    if (arg === '--linux' || arg === '-l') named.push('linux');
    else if (arg === '--mac' || arg === '-m' || arg === '--macos') named.push('mac');
    else if (arg === '--win' || arg === '-w' || arg === '--windows') named.push('win');
  }
  if (named.length) return [...new Set(named)];
  return [hostPlatform === 'darwin' ? 'mac' : hostPlatform === 'win32' ? 'win' : 'linux'];
}
