/** A file refused as a whole: the run fails and the previous warehouse stays. */
export class FileRefused extends Error {
  constructor(
    readonly file: string,
    message: string
  ) {
    super(`Tệp ${file}: ${message}`);
    this.name = "FileRefused";
  }
}
