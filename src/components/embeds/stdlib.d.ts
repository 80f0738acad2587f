// The parts of Framework's standard library a module imports explicitly (see chartEmbed.ts).
declare module "observablehq:stdlib" {
  interface FileAttachmentValue {
    json(): Promise<any>;
  }
  /** A file under src/; the path must be a string literal, resolved from the importing module. */
  export function FileAttachment(path: string): FileAttachmentValue;
  /** A container that calls `render` with its width, again whenever the width changes. */
  export function resize(render: (width: number) => Node | Promise<Node>): HTMLDivElement;
}
