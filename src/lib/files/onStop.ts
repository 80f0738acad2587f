// A command that writes files must not be stopped half-way, nor outlive the command that
// started it: npm passes SIGINT and SIGTERM on, but when npm itself is killed with SIGKILL
// nothing is passed on, and the process is left running with a new parent.

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Run `cleanup` once when the process is asked to stop (SIGINT, SIGTERM, SIGHUP) or its parent
 * process goes away, then end the process by that signal (SIGHUP for a lost parent).
 * Synchronous code is never interrupted: a signal is handled between two steps of the event loop.
 */
export function onStop(cleanup: (signal: NodeJS.Signals) => void | Promise<void>): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    try {
      await cleanup(signal);
    } catch (error) {
      console.error(`while stopping: ${(error as Error).message}`);
    }
    for (const name of STOP_SIGNALS) process.off(name, stop);
    process.kill(process.pid, signal);
  };
  for (const name of STOP_SIGNALS) process.on(name, stop);
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop("SIGHUP");
  }, 500).unref();
}
