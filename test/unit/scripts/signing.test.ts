/** npm run dist signs only from the environment, and an unsigned installer says so in its name. */
import { describe, expect, it } from 'vitest';
import { platformsOf, signingPlan } from '../../../scripts/signing.mjs';

describe('signing plan', () => {
  it('without any signing variable: macOS and Windows are unsigned, named so, and no keychain identity is picked up', () => {
    const [linux, mac, win] = signingPlan({}, ['linux', 'mac', 'win']);
    expect(linux).toMatchObject({ signed: false, config: {} });
    expect(linux!.summary).toMatch(/no code signature/);
    expect(mac).toMatchObject({ signed: false, notarized: false, env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });
    expect(mac!.summary).toMatch(/^macOS: UNSIGNED and not notarised/);
    expect(mac!.config['mac.artifactName']).toBe('${productName}-${version}-mac-${arch}-unsigned.${ext}');
    expect(win).toMatchObject({ signed: false, config: { 'win.artifactName': '${productName}-${version}-setup-${arch}-unsigned.${ext}' } });
    expect(win!.summary).toMatch(/^Windows: UNSIGNED/);
  });

  it('empty strings (unset CI secrets) count as unset', () => {
    expect(signingPlan({ CSC_LINK: '', WIN_CSC_LINK: '  ' }, ['mac', 'win']).map((p) => p.signed)).toEqual([false, false]);
  });

  it('a certificate signs; notarisation needs all three Apple ID variables or the API key trio', () => {
    const cert = { CSC_LINK: 'base64…', CSC_KEY_PASSWORD: 'pw' };
    expect(signingPlan(cert, ['mac'])[0]).toMatchObject({ signed: true, notarized: false, config: {} });
    expect(signingPlan(cert, ['mac'])[0]!.summary).toMatch(/NOT notarised/);
    expect(signingPlan({ ...cert, APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x' }, ['mac'])[0]!.notarized).toBe(false);
    expect(signingPlan({ ...cert, APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' }, ['mac'])[0]!.notarized).toBe(true);
    expect(signingPlan({ ...cert, APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' }, ['mac'])[0]!.notarized).toBe(true);
    expect(signingPlan({ WIN_CSC_LINK: 'pfx' }, ['win'])[0]).toMatchObject({ signed: true, config: {} });
  });

  it('builds for the platforms named on the command line, else for this machine', () => {
    expect(platformsOf(['--mac', '--win', '--publish', 'never'])).toEqual(['mac', 'win']);
    expect(platformsOf(['-l'])).toEqual(['linux']);
    expect(platformsOf([], 'darwin')).toEqual(['mac']);
    expect(platformsOf([], 'win32')).toEqual(['win']);
    expect(platformsOf([], 'linux')).toEqual(['linux']);
  });
});
