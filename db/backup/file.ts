import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { BackupError, FORMAT_VERSION, type BackupManifest } from './manifest';

// The backup file: one line naming the format and the SHA-256 of the manifest, one line of
// manifest JSON (which holds the payload's length and SHA-256), then the payload's bytes as they
// are. A restore reads both checksums before it touches anything, so a truncated, padded or
// altered file is refused whole. Plain bytes after the head: `tail -c +N` gets the payload back.

const MAGIC = 'HEARD-BACKUP';
/** The head is a few kilobytes; more than this before two newlines is not a backup file. */
const MAX_HEAD_BYTES = 1024 * 1024;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The SHA-256 (hex) and length of `file` from byte `start` to its end, read as a stream. */
export async function digestFile(file: string, start = 0): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { start })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Writes the backup file `out` from the payload file and the manifest (whose payload fields it
 * fills in), through `out.partial` renamed at the end, so `out` exists only complete.
 */
export async function writeBackupFile(
  out: string,
  manifest: Omit<BackupManifest, 'payload'>,
  payload: { file: string; kind: BackupManifest['payload']['kind'] },
): Promise<BackupManifest> {
  const digest = await digestFile(payload.file);
  const full: BackupManifest = { ...manifest, payload: { kind: payload.kind, ...digest } };
  const json = JSON.stringify(full);
  const partial = `${out}.partial`;
  await rm(partial, { force: true });
  try {
    const target = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    target.write(`${MAGIC} ${FORMAT_VERSION} ${sha256(json)}\n${json}\n`);
    await pipeline(createReadStream(payload.file), target);
    const handle = await open(partial, 'r+');
    await handle.sync();
    await handle.close();
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return full;
}

export interface OpenedBackup {
  manifest: BackupManifest;
  /** Where the payload starts in the file. */
  payloadOffset: number;
}

/** Reads and checks the head of a backup file: its format line, the manifest and the manifest's checksum. */
async function readHead(file: string): Promise<OpenedBackup> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(error.code === 'ENOENT' ? `There is no file ${file}.` : `${file} cannot be read: ${error.message}`);
  });
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(MAX_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const notBackup = new BackupError(`${file} is not a Heard backup (it does not start with "${MAGIC}"); nothing was restored.`);
  const firstEnd = head.indexOf(0x0a);
  const secondEnd = firstEnd < 0 ? -1 : head.indexOf(0x0a, firstEnd + 1);
  const [magic, version, manifestSha] = head.subarray(0, Math.max(firstEnd, 0)).toString('utf8').split(' ');
  if (magic !== MAGIC) throw notBackup;
  if (version !== String(FORMAT_VERSION))
    throw new BackupError(`${file} is a Heard backup in format ${version}; this version of Heard reads format ${FORMAT_VERSION} only.`);
  if (secondEnd < 0) throw new BackupError(`${file} is cut short inside its manifest (the file is truncated); nothing was restored.`);
  const json = head.subarray(firstEnd + 1, secondEnd).toString('utf8');
  if (sha256(json) !== manifestSha) throw new BackupError(`${file}'s manifest does not match its checksum: the file is damaged; nothing was restored.`);
  return { manifest: JSON.parse(json) as BackupManifest, payloadOffset: secondEnd + 1 };
}

/**
 * Opens a backup file and checks it whole: the manifest's checksum, then the payload's length and
 * SHA-256 against the manifest. Throws a BackupError saying what is wrong.
 */
export async function openBackupFile(file: string): Promise<OpenedBackup> {
  const opened = await readHead(file);
  const { payload } = opened.manifest;
  const size = (await stat(file)).size - opened.payloadOffset;
  if (size < payload.bytes) throw new BackupError(`${file} is truncated: its payload has ${size} of ${payload.bytes} bytes; nothing was restored.`);
  if (size > payload.bytes)
    throw new BackupError(`${file} has ${size - payload.bytes} bytes more than its manifest says: the file is damaged; nothing was restored.`);
  const { sha256: actual } = await digestFile(file, opened.payloadOffset);
  if (actual !== payload.sha256)
    throw new BackupError(`${file} is damaged: its payload's SHA-256 is ${actual}, the manifest says ${payload.sha256}; nothing was restored.`);
  return opened;
}

/** Copies the payload of an opened backup file to `target` (created; it must not exist). */
export async function extractPayload(file: string, opened: OpenedBackup, target: string): Promise<void> {
  const out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
  await pipeline(createReadStream(file, { start: opened.payloadOffset }), out);
  const handle = await open(target, 'r+');
  await handle.sync();
  await handle.close();
}
