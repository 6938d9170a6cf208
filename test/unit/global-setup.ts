import { useTestLocksDir } from '../support/locks-dir';

/** Runs once before the unit tests; the returned function after them. */
export default function setup(): () => void {
  return useTestLocksDir();
}
