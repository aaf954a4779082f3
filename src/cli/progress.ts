// A progress bar on stderr for batches, drawn only when stderr is a terminal.
export interface TtyStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export class Progress {
  private readonly stream: TtyStream;
  private readonly total: number;
  private readonly enabled: boolean;
  private done = 0;
  private label = '';
  private shown = false;

  constructor(stream: TtyStream, total: number) {
    this.stream = stream;
    this.total = total;
    this.enabled = Boolean(stream.isTTY) && total > 1;
  }

  /** Start work on the next item. */
  start(label: string): void {
    this.label = label;
    this.draw();
  }

  /** Finish the current item. */
  tick(): void {
    this.done++;
    this.draw();
  }

  /** Wipe the bar so other output can be written; the next start/tick draws it again. */
  clear(): void {
    if (!this.enabled || !this.shown) return;
    this.stream.write('\r\x1b[2K');
    this.shown = false;
  }

  end(): void {
    this.clear();
  }

  private draw(): void {
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const columns = this.stream.columns ?? 80;
    let line = `[${bar}] ${this.done}/${this.total} ${this.label}`;
    // CJK characters take two columns; keep the line on one row.
    let cols = 0;
    let cut = line.length;
    for (let i = 0; i < line.length; i++) {
      cols += line.charCodeAt(i) > 0x2e80 ? 2 : 1;
      if (cols > columns - 1) {
        cut = i;
        break;
      }
    }
    line = line.slice(0, cut);
    this.stream.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }
}
