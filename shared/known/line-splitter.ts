/** A line longer than this is not a hash line; it is skipped without being held whole. */
const MAX_LINE_CHARS = 8192;

export interface LineSplitter {
  write(text: string): void;
  end(): void;
}

/**
 * Cuts decoded text into numbered lines across chunk borders (a chunk may end mid-line).
 * Holds at most one line: an overlong one (a binary file, a minified JSON) is reported once
 * through `tooLong` and dropped up to its end, so memory stays bounded whatever the input.
 */
export function createLineSplitter(onLine: (line: string, lineNo: number) => void, tooLong: (lineNo: number) => void): LineSplitter {
  let pending = '';
  let lineNo = 0;
  let skipping = false;
  const finish = (line: string) => {
    lineNo += 1;
    if (skipping) {
      skipping = false;
      return;
    }
    onLine(line.endsWith('\r') ? line.slice(0, -1) : line, lineNo);
  };
  return {
    write(text) {
      let start = 0;
      for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
        finish(pending + text.slice(start, newline));
        pending = '';
        start = newline + 1;
      }
      if (skipping) return;
      pending += text.slice(start);
      if (pending.length > MAX_LINE_CHARS) {
        tooLong(lineNo + 1);
        pending = '';
        skipping = true;
      }
    },
    end() {
      if (pending.length > 0 || skipping) finish(pending);
      pending = '';
    },
  };
}
