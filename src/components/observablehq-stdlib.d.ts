// Types for the part of Framework's client standard library that site components import.
// Framework resolves "observablehq:stdlib" itself when it serves a local module to a page.
declare module "observablehq:stdlib" {
  export interface FileAttachmentHandle {
    readonly name: string;
    readonly mimeType: string;
    url(): Promise<string>;
    text(): Promise<string>;
    json(): Promise<unknown>;
    arrayBuffer(): Promise<ArrayBuffer>;
    blob(): Promise<Blob>;
  }
  export function FileAttachment(name: string): FileAttachmentHandle;
}
