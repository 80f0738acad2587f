// Framework 1.13.4 ships no types for its CLI error. The config throws one so that `observable build`
// exits with the writer's own messages, not "Unexpected error … please file an issue" for Framework.
declare module "@observablehq/framework/dist/error.js" {
  export class CliError extends Error {
    constructor(message: string, options?: { exitCode?: number; print?: boolean });
  }
}
