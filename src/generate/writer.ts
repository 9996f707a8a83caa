/**
 * Streaming text files for `generate`: rows are encoded into a 1 MB byte buffer that is handed
 * to the file stream when full, waiting for `drain` when the stream is full, so a million-row
 * file never sits in memory. Files go to temporary names and are renamed into place only when
 * all are complete: a failed run leaves no half-written scenario behind.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";

const CHUNK = 1 << 20;
const PIECE = 1 << 14;

export class TextFile {
  private stream: WriteStream;
  private buffer = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  private pending = "";
  private written = 0;
  private error: Error | null = null;
  readonly tempPath: string;

  constructor(readonly dir: string, readonly name: string) {
    this.tempPath = join(dir, `.${name}.${process.pid}.tmp`);
    this.stream = createWriteStream(this.tempPath, { highWaterMark: 2 * CHUNK });
    // Kept, and thrown at the next flush or at close, rather than crashing the process.
    this.stream.on("error", (error) => {
      this.error ??= error;
    });
  }

  /** Bytes appended so far. */
  get bytes(): number {
    return this.written + this.pos + Buffer.byteLength(this.pending);
  }

  /**
   * Append text. Resolves at once unless a full buffer had to wait for the disk
   * (backpressure): callers await only what is returned.
   */
  write(text: string): Promise<void> | undefined {
    // Small pieces are joined first: one encode per ~16 K characters is cheaper than one per row.
    this.pending += text;
    if (this.pending.length < PIECE) return undefined;
    return this.encode();
  }

  /** Move the pending text into the byte buffer, flushing it first when it is too full. */
  private encode(): Promise<void> | undefined {
    const text = this.pending;
    this.pending = "";
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    if (this.pos + text.length * 3 <= this.buffer.length) {
      this.pos += this.buffer.write(text, this.pos, "utf8");
      return undefined;
    }
    return this.flush().then(() => {
      if (text.length * 3 > this.buffer.length) this.buffer = Buffer.allocUnsafe(text.length * 3);
      this.pos += this.buffer.write(text, this.pos, "utf8");
    });
  }

  private async flush(): Promise<void> {
    if (this.error) throw this.error;
    if (this.pos === 0) return;
    const full = this.buffer.subarray(0, this.pos);
    this.written += this.pos;
    // The stream keeps the filled buffer until it is on disk; carry on in a new one.
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK, this.buffer.length));
    this.pos = 0;
    if (!this.stream.write(full)) await once(this.stream, "drain");
  }

  /** Write what is left and close the file (still under its temporary name). */
  async close(): Promise<void> {
    await this.encode();
    await this.flush();
    if (!this.stream.destroyed) {
      this.stream.end();
      await once(this.stream, "close");
    }
    if (this.error) throw this.error;
  }

  /** Give up: close and remove the temporary file. */
  async discard(): Promise<void> {
    this.stream.destroy();
    await unlink(this.tempPath).catch(() => undefined);
  }

  async commit(): Promise<void> {
    await rename(this.tempPath, join(this.dir, this.name));
  }
}

/**
 * Quote a CSV cell only when it needs it (a comma, a quote, a line break).
 *
 * @example csvField("Siti Rahayu, S.Pd.") //=> "\"Siti Rahayu, S.Pd.\""
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
