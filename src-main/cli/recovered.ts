/**
 * How every command tells the user a damaged file was quarantined (docs/reliability.md): one line
 * on stderr naming the file, what was wrong and where its bytes are. Given to the workspace and
 * to every store a command opens, so no quarantine happens silently.
 */
import type { RecoveryReport } from '../node/storage';

export function reportRecovered(io: { err: (s: string) => void }): (report: RecoveryReport) => void {
  return (r) =>
    io.err(
      r.quarantinedTo === null
        ? `not read ${r.file}: ${r.problem}`
        : `recovered ${r.file}: ${r.problem}; ${r.restoredFrom === 'bak' ? 'restored from its backup' : 'it had no valid backup'}; the damaged bytes are in ${r.quarantinedTo}`,
    );
}
