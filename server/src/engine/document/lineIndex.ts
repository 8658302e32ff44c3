// Offset ↔ LSP position (0-based line, UTF-16 character). Built once per parsed text.
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  // A typed array: a big file has ~70,000 lines, and a list grown by push is copied at every
  // growth and then by the young-generation GC; this one is sized once and lives off the heap.
  private readonly starts: Uint32Array;

  constructor(private readonly text: string) {
    if (!text.includes('\r')) {
      // The common case, with the native indexOf doing the scanning, once: the array starts at a
      // guess (one line per 16 characters) and doubles when a file has shorter lines.
      let starts = new Uint32Array(Math.max(16, text.length >> 4));
      let n = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (n === starts.length) {
          const grown = new Uint32Array(starts.length * 2);
          grown.set(starts);
          starts = grown;
        }
        starts[n++] = i + 1;
      }
      this.starts = starts.slice(0, n);
    } else {
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      this.starts = Uint32Array.from(starts);
    }
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset between the \r and \n of a CRLF is the end of its line, not a column past it.
    const inCrlf = o > 0 && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13;
    return { line: lo, character: o - this.starts[lo] - (inCrlf ? 1 : 0) };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const lineStart = this.starts[pos.line];
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + pos.character, next));
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
