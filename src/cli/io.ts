/** Where the command line writes: stdout and stderr in use, strings in tests. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}
