/**
 * The time as the registry and the monitoring see it. Deadlines (7 working days), freshness (days
 * since the last publication) and monthly periods all ask here, so that tests can set the date
 * instead of waiting for it.
 */
let override: (() => Date) | undefined;

export function now(): Date {
  return override ? override() : new Date();
}

/** Sets the clock to a fixed instant (or a function of real time); `undefined` restores real time. */
export function setClock(to: Date | (() => Date) | undefined): void {
  if (to === undefined) override = undefined;
  else if (to instanceof Date) {
    const fixed = new Date(to.getTime());
    override = () => new Date(fixed.getTime());
  } else override = to;
}
