// A clock that a browser test can move forward, for a Kuanyan server it starts itself
// (startServer({ clock: true }) loads this file with `node --import`). Only `Date` is shifted: the
// server reads "now" from it (ctx.now, sessions, the embedded database's clock). Each SIGUSR2 the
// process receives moves the clock forward by KUANYAN_E2E_CLOCK_STEP_DAYS days (default 7), e.g.
// from the day a draw is announced to after the day its public random value is produced.
// Never used by the product: only e2e/server.ts passes it, to a server of its own.
const RealDate = globalThis.Date;
const stepMs = Number(process.env.KUANYAN_E2E_CLOCK_STEP_DAYS ?? 7) * 86_400_000;
let offsetMs = 0;

/** Date with "now" shifted by offsetMs; any explicit time is taken as given. */
function ShiftedDate(...args) {
  if (!new.target) return new RealDate(RealDate.now() + offsetMs).toString();
  return Reflect.construct(RealDate, args.length === 0 ? [RealDate.now() + offsetMs] : args, new.target);
}
// Every Date (made before or after the swap) stays an instance of the global Date.
ShiftedDate.prototype = RealDate.prototype;
Object.setPrototypeOf(ShiftedDate, RealDate);
ShiftedDate.now = () => RealDate.now() + offsetMs;
globalThis.Date = ShiftedDate;

process.on("SIGUSR2", () => {
  offsetMs += stepMs;
});
