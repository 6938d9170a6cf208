/** One helper object per Session, made on first use and dropped with the session (a WeakMap). */
import type { Session } from './session';

export function perSession<T, A extends unknown[]>(make: (session: Session, ...rest: A) => T): (session: Session, ...rest: A) => T {
  const made = new WeakMap<Session, T>();
  return (session, ...rest) => {
    let value = made.get(session);
    if (value === undefined) {
      value = make(session, ...rest);
      made.set(session, value);
    }
    return value;
  };
}
