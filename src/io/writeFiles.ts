/**
 * Writing a set of files all or nothing: each file goes to a temporary name in the target
 * directory, is flushed to disk, and only when every file of the set is complete are they
 * renamed into place. A failure never leaves a half-written file, nor a new roster beside an
 * old daily summary.
 */
import { open, mkdir, readdir, rename, unlink, link, copyFile, lstat, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { MessageCode, MessageValues } from "../messages/index.js";

/** A file that could not be written; `code` and `values` are for `formatMessage`. */
export class OutputError extends Error {
  readonly code: MessageCode = "output.write_failed";
  readonly values: MessageValues;
  constructor(readonly path: string, reason: string, options?: { cause?: unknown }) {
    super(`${path}: cannot write: ${reason}`, options);
    this.name = "OutputError";
    this.values = { path, reason };
  }
}

const DEFAULT_CHUNK = 1 << 20;

/**
 * A byte buffer in front of a file handle. Producers fill `buf` from `pos` directly (the fast
 * path for millions of rows) after asking for room; a full buffer is written while the other
 * of two buffers is being filled, so building text and writing it overlap, and at most one
 * write is in flight (backpressure).
 */
export class ByteSink {
  buf: Buffer;
  pos = 0;
  private spare: Buffer;
  private pending: Promise<void> | null = null;
  private written = 0;

  constructor(private readonly handle: FileHandle, chunkSize = DEFAULT_CHUNK) {
    this.buf = Buffer.allocUnsafe(chunkSize);
    this.spare = Buffer.allocUnsafe(chunkSize);
  }

  /** Bytes handed to this sink so far. */
  get bytes(): number {
    return this.written + this.pos;
  }

  /** True when `n` more bytes fit in the current buffer without a flush. */
  fits(n: number): boolean {
    return this.pos + n <= this.buf.length;
  }

  /** Make room for `n` bytes in `buf` (flushing, or growing for a single huge piece). */
  async reserve(n: number): Promise<void> {
    if (this.fits(n)) return;
    await this.flush();
    if (n > this.buf.length) {
      this.buf = Buffer.allocUnsafe(n);
      this.spare = Buffer.allocUnsafe(n);
    }
  }

  /** Append text as UTF-8. */
  async text(s: string): Promise<void> {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    const bound = s.length * 3;
    if (bound > this.buf.length) {
      await this.flush();
      await this.drain();
      const bytes = Buffer.from(s, "utf8");
      await writeAll(this.handle, bytes, bytes.length);
      this.written += bytes.length;
      return;
    }
    await this.reserve(bound);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  /** Append bytes as they are (a zip stream's output, say). */
  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length > this.buf.length) {
      await this.flush();
      await this.drain();
      await writeAll(this.handle, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), bytes.length);
      this.written += bytes.length;
      return;
    }
    await this.reserve(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Start writing the filled part of `buf` and switch to the other buffer. */
  async flush(): Promise<void> {
    if (this.pos === 0) return;
    await this.drain();
    const full = this.buf;
    const length = this.pos;
    const pending = writeAll(this.handle, full, length);
    // Marked handled now: the rejection, if any, is seen at the next drain, not as a crash.
    pending.catch(() => undefined);
    this.pending = pending;
    this.written += length;
    this.buf = this.spare;
    this.spare = full;
    this.pos = 0;
  }

  /** Wait for the write in flight. */
  async drain(): Promise<void> {
    const pending = this.pending;
    this.pending = null;
    if (pending !== null) await pending;
  }

  /** Write out everything handed in. */
  async end(): Promise<void> {
    await this.flush();
    await this.drain();
  }
}

async function writeAll(handle: FileHandle, buffer: Buffer, length: number): Promise<void> {
  let offset = 0;
  while (offset < length) {
    const { bytesWritten } = await handle.write(buffer, offset, length - offset);
    offset += bytesWritten;
  }
}

/** One file of a set: its name in the directory and what fills it. */
export interface FileJob {
  name: string;
  produce: (sink: ByteSink) => Promise<void>;
}

export interface WrittenFile {
  path: string;
  bytes: number;
}

let sequence = 0;

/**
 * Temporaries left by a run that was killed (SIGKILL gives it no chance to clean up): ours by
 * name, of a process that no longer exists. Removing them keeps a 100 MB orphan from piling up.
 */
async function removeStaleTemporaries(dir: string, jobs: readonly FileJob[]): Promise<void> {
  const names = new Set(jobs.map((job) => job.name));
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = /^\.(.+)\.(\d+)\.\d+\.tmp$/.exec(entry);
    if (!match || !names.has(match[1]) || processAlive(Number(match[2]))) continue;
    await unlink(join(dir, entry)).catch(() => {});
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Write every job's file into `dir` (created if missing), all or nothing. Existing files are
 * replaced only when every new file is complete; should a rename still fail, the files already
 * replaced are put back. Temporaries (`.<name>.<pid>.<n>.tmp`) are removed on failure.
 *
 * @throws OutputError naming the file that could not be written
 */
export async function writeFilesAtomically(dir: string, jobs: readonly FileJob[]): Promise<WrittenFile[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new OutputError(dir, reasonOf(error), { cause: error });
  }
  await removeStaleTemporaries(dir, jobs);
  const run = `${process.pid}.${sequence++}`;
  const temporaries: string[] = [];
  const written: WrittenFile[] = [];
  try {
    for (const job of jobs) {
      const target = join(dir, job.name);
      const temporary = join(dir, `.${job.name}.${run}.tmp`);
      temporaries.push(temporary);
      let handle: FileHandle;
      try {
        handle = await open(temporary, "wx");
      } catch (error) {
        throw new OutputError(target, reasonOf(error), { cause: error });
      }
      const sink = new ByteSink(handle);
      try {
        await job.produce(sink);
        await sink.end();
        await handle.sync();
        written.push({ path: target, bytes: sink.bytes });
      } catch (error) {
        await sink.drain().catch(() => undefined);
        if (error instanceof OutputError) throw error;
        throw new OutputError(target, reasonOf(error), { cause: error });
      } finally {
        await handle.close();
      }
    }
    await replaceAll(dir, run, jobs.map((job, i) => ({ name: job.name, temporary: temporaries[i], target: written[i].path })));
  } catch (error) {
    await Promise.all(temporaries.map(removeQuietly));
    throw error;
  }
  await syncDirectory(dir);
  return written;
}

/**
 * Rename temporaries over their targets. Each existing target is first kept under a backup
 * name (a hard link, so the target never disappears), so a failed rename can be undone.
 */
async function replaceAll(dir: string, run: string, moves: Array<{ name: string; temporary: string; target: string }>): Promise<void> {
  const backups: Array<string | null> = [];
  try {
    for (const { name, target } of moves) {
      const stat = await lstat(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return null;
        throw new OutputError(target, reasonOf(error), { cause: error });
      });
      if (stat === null) {
        backups.push(null);
        continue;
      }
      if (!stat.isFile()) throw new OutputError(target, "exists and is not a regular file");
      const backup = join(dir, `.${name}.${run}.bak`);
      try {
        await link(target, backup);
      } catch {
        await copyFile(target, backup);
      }
      backups.push(backup);
    }
  } catch (error) {
    await Promise.all(backups.map((b) => (b === null ? undefined : removeQuietly(b))));
    if (error instanceof OutputError) throw error;
    throw new OutputError(dir, reasonOf(error), { cause: error });
  }

  let done = 0;
  try {
    for (; done < moves.length; done++) await rename(moves[done].temporary, moves[done].target);
  } catch (error) {
    for (let i = 0; i < done; i++) {
      const backup = backups[i];
      if (backup === null) await removeQuietly(moves[i].target);
      else await rename(backup, moves[i].target).catch(() => undefined);
    }
    await Promise.all(backups.map((b) => (b === null ? undefined : removeQuietly(b))));
    throw new OutputError(moves[done].target, reasonOf(error), { cause: error });
  }
  await Promise.all(backups.map((b) => (b === null ? undefined : removeQuietly(b))));
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/** Make the renames durable; not every platform can open a directory, so failures are ignored. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // best effort (Windows cannot fsync a directory)
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
