import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { attachmentChunkBytes } from '../../api/domain/attachment-limits';
import { AppError } from '../app-error';
import { writeFileAtomicStreamed } from '../durable-file';
import { attachmentsFolderName } from '../vault/workspace-files';

/**
 * An attachment file, `attachments/<id>.qla` in the workspace folder:
 *
 *   header  = "QLATTCH1" | version u32 LE | chunk size u32 LE | salt (32 random bytes)
 *   record* = ciphertext length u32 LE | AES-256-GCM ciphertext | 16-byte tag
 *
 * The records are the plaintext in chunks of `chunk size` (index 0, 1, …) and, last, a trailer
 * (the file name, MIME type, size and SHA-256 as JSON, padded). Each file has its own key,
 * HKDF-SHA256(file secret, salt, "quanlian attachment v1|workspace|attachment id"), where the
 * file secret is 32 random bytes kept only in the attachment's row of the encrypted database
 * (so the file opens only with the workspace's data key, and follows it when it is replaced).
 * A nonce is never reused, and a file copied onto another attachment's name does not open. The nonce and
 * the additional data carry the record's index and a final flag (set on the trailer only): a
 * reordered, dropped, repeated or cut-off record fails authentication or is missing its final
 * record, and nothing after the trailer is accepted. Nothing but the header is plaintext.
 */
const magic = Buffer.from('QLATTCH1', 'ascii');
const version = 1;
const headerBytes = magic.length + 4 + 4 + 32;
const tagBytes = 16;
/** The trailer is padded so its length does not tell the file name's length. */
const trailerBytes = 1024;

export function attachmentsDir(workspaceDir: string): string {
  return path.join(workspaceDir, attachmentsFolderName);
}

export function blobPath(workspaceDir: string, id: string): string {
  return path.join(attachmentsDir(workspaceDir), `${id}.qla`);
}

export interface BlobIdentity {
  /** The attachment's own random secret, from its database row. */
  secret: Buffer;
  workspaceId: string;
  attachmentId: string;
}

interface BlobTrailer {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

function fileKey(identity: BlobIdentity, salt: Buffer): Buffer {
  return Buffer.from(
    crypto.hkdfSync(
      'sha256',
      identity.secret,
      salt,
      `quanlian attachment v1|${identity.workspaceId}|${identity.attachmentId}`,
      32,
    ),
  );
}

function nonceAndAad(header: Buffer, index: number, final: boolean) {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 0);
  nonce[8] = final ? 1 : 0;
  return { nonce, aad: Buffer.concat([header, nonce]) };
}

function corrupt(index: number): AppError {
  return new AppError('attachments.corrupt', 'The attachment file is damaged or was altered', {
    chunk: index,
  });
}

function readHeader(header: Buffer): { chunkBytes: number } {
  if (
    header.length !== headerBytes ||
    !header.subarray(0, magic.length).equals(magic) ||
    header.readUInt32LE(magic.length) !== version
  )
    throw corrupt(-1);
  const chunkBytes = header.readUInt32LE(magic.length + 4);
  if (chunkBytes < 1024 || chunkBytes > 64 * 1024 * 1024) throw corrupt(-1);
  return { chunkBytes };
}

class Sealer {
  readonly header: Buffer;
  private readonly key: Buffer;
  private index = 0;

  constructor(identity: BlobIdentity) {
    const salt = crypto.randomBytes(32);
    this.header = Buffer.alloc(headerBytes);
    magic.copy(this.header, 0);
    this.header.writeUInt32LE(version, magic.length);
    this.header.writeUInt32LE(attachmentChunkBytes, magic.length + 4);
    salt.copy(this.header, magic.length + 8);
    this.key = fileKey(identity, salt);
  }

  seal(plain: Buffer, final: boolean): Buffer {
    const { nonce, aad } = nonceAndAad(this.header, this.index, final);
    this.index += 1;
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(aad);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(plain.length, 0);
    return Buffer.concat([length, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }

  wipe(): void {
    this.key.fill(0);
  }
}

class Opener {
  private readonly key: Buffer;
  readonly chunkBytes: number;

  constructor(
    identity: BlobIdentity,
    private readonly header: Buffer,
  ) {
    this.chunkBytes = readHeader(header).chunkBytes;
    this.key = fileKey(identity, header.subarray(magic.length + 8));
  }

  /** Decrypts record `index`; throws `attachments.corrupt` naming the chunk when it fails. */
  open(index: number, final: boolean, ciphertext: Buffer, tag: Buffer): Buffer {
    const { nonce, aad } = nonceAndAad(this.header, index, final);
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      throw corrupt(index);
    }
  }

  wipe(): void {
    this.key.fill(0);
  }
}

function encodeTrailer(trailer: BlobTrailer): Buffer {
  const json = Buffer.from(JSON.stringify(trailer), 'utf8');
  if (json.length > trailerBytes) throw new AppError('input.invalid', 'The file name is too long');
  const padded = Buffer.alloc(trailerBytes, 0x20);
  json.copy(padded);
  return padded;
}

function decodeTrailer(plain: Buffer, index: number): BlobTrailer {
  try {
    const parsed = JSON.parse(plain.toString('utf8')) as BlobTrailer;
    if (typeof parsed.sizeBytes !== 'number' || typeof parsed.sha256 !== 'string')
      throw new Error('shape');
    return parsed;
  } catch {
    throw corrupt(index);
  }
}

/** Reads up to `buffer.length` bytes, looping over short reads; the count read. */
async function readFull(file: fs.promises.FileHandle, buffer: Buffer): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

interface SealedBlob {
  sizeBytes: number;
  sha256: string;
}

/**
 * Encrypts `source` (a path, read in chunks, or bytes already in memory) into the attachment
 * file for `identity.attachmentId`. Writes `<id>.qla.part` first (ciphertext only), then renames
 * it; at most two plaintext chunks are in memory at a time. Refuses an empty source and one
 * larger than `maxBytes`.
 */
export async function sealBlob(
  workspaceDir: string,
  identity: BlobIdentity,
  source: { path: string } | { bytes: Buffer },
  meta: { fileName: string; mimeType: string },
  maxBytes: number,
): Promise<SealedBlob> {
  fs.mkdirSync(attachmentsDir(workspaceDir), { recursive: true, mode: 0o700 });
  const target = blobPath(workspaceDir, identity.attachmentId);
  const partial = `${target}.part`;
  const sealer = new Sealer(identity);
  const hash = crypto.createHash('sha256');
  let input: fs.promises.FileHandle | null = null;
  const output = await fs.promises.open(partial, 'wx', 0o600);
  let sizeBytes = 0;
  try {
    await output.write(sealer.header);
    if ('bytes' in source) {
      const bytes = source.bytes;
      if (bytes.length === 0) throw new AppError('attachments.empty', 'The file is empty');
      if (bytes.length > maxBytes) throw tooLarge(maxBytes, bytes.length);
      for (let offset = 0; offset < bytes.length; offset += attachmentChunkBytes) {
        const chunk = bytes.subarray(offset, offset + attachmentChunkBytes);
        hash.update(chunk);
        await output.write(sealer.seal(chunk, false));
      }
      sizeBytes = bytes.length;
    } else {
      try {
        input = await fs.promises.open(source.path, 'r');
      } catch {
        throw new AppError('attachments.unreadable', 'The file cannot be read');
      }
      if (!(await input.stat()).isFile())
        throw new AppError('attachments.unreadable', 'The file cannot be read');
      const buffer = Buffer.alloc(attachmentChunkBytes);
      for (
        let read = await readFull(input, buffer);
        read > 0;
        read = await readFull(input, buffer)
      ) {
        sizeBytes += read;
        if (sizeBytes > maxBytes) throw tooLarge(maxBytes, sizeBytes);
        const chunk = buffer.subarray(0, read);
        hash.update(chunk);
        await output.write(sealer.seal(chunk, false));
        if (read < buffer.length) break;
      }
      buffer.fill(0);
      if (sizeBytes === 0) throw new AppError('attachments.empty', 'The file is empty');
    }
    const sha256 = hash.digest('hex');
    await output.write(sealer.seal(encodeTrailer({ ...meta, sizeBytes, sha256 }), true));
    await output.sync();
    await output.close();
    await fs.promises.rename(partial, target);
    return { sizeBytes, sha256 };
  } catch (error) {
    await output.close().catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    sealer.wipe();
    await input?.close();
  }
}

function tooLarge(limitBytes: number, sizeBytes: number): AppError {
  return new AppError('attachments.tooLarge', 'The file is larger than allowed', {
    limitBytes,
    limitMiB: Math.round(limitBytes / 2 ** 20),
    sizeBytes,
  });
}

/** Receives the plaintext chunks in order; a corrupt chunk throws before it is delivered. */
type ChunkSink = (chunk: Buffer) => Promise<void> | void;

/**
 * Decrypts an attachment file chunk by chunk into `sink`, checking every chunk, their order,
 * the trailer, the total size and the SHA-256 against `expected`. Throws `attachments.corrupt`
 * (or `attachments.missing`) on the first problem: the caller must discard what it received.
 */
async function openBlob(
  workspaceDir: string,
  identity: BlobIdentity,
  expected: { sizeBytes: number; sha256: string },
  sink: ChunkSink,
): Promise<void> {
  let file: fs.promises.FileHandle;
  try {
    file = await fs.promises.open(blobPath(workspaceDir, identity.attachmentId), 'r');
  } catch {
    throw new AppError('attachments.missing', 'The attachment file is missing');
  }
  let opener: Opener | null = null;
  try {
    const header = Buffer.alloc(headerBytes);
    if ((await readFull(file, header)) !== headerBytes) throw corrupt(-1);
    opener = new Opener(identity, header);
    const hash = crypto.createHash('sha256');
    const lengthBuffer = Buffer.alloc(4);
    let sizeBytes = 0;
    for (let index = 0; ; index += 1) {
      if ((await readFull(file, lengthBuffer)) !== 4) throw corrupt(index);
      const length = lengthBuffer.readUInt32LE(0);
      if (length > opener.chunkBytes) throw corrupt(index);
      const record = Buffer.alloc(length + tagBytes);
      if ((await readFull(file, record)) !== record.length) throw corrupt(index);
      const ciphertext = record.subarray(0, length);
      const tag = record.subarray(length);
      // The trailer is the one record with the final flag; try it only when a chunk fails.
      let plain: Buffer;
      let final = false;
      try {
        plain = opener.open(index, false, ciphertext, tag);
      } catch (error) {
        if (length !== trailerBytes) throw error;
        plain = opener.open(index, true, ciphertext, tag);
        final = true;
      }
      if (final) {
        const trailer = decodeTrailer(plain, index);
        const extra = Buffer.alloc(1);
        if ((await readFull(file, extra)) !== 0) throw corrupt(index + 1);
        const sha256 = hash.digest('hex');
        if (
          trailer.sizeBytes !== sizeBytes ||
          trailer.sha256 !== sha256 ||
          sizeBytes !== expected.sizeBytes ||
          sha256 !== expected.sha256
        )
          throw corrupt(index);
        return;
      }
      hash.update(plain);
      sizeBytes += plain.length;
      if (sizeBytes > expected.sizeBytes) throw corrupt(index);
      await sink(plain);
    }
  } finally {
    opener?.wipe();
    await file.close();
  }
}

/**
 * Decrypts an attachment into `target`, owner-only, through a temporary file renamed into place.
 * A corrupt chunk removes what was written and throws: a damaged file is never handed over, and
 * a file that was there stays as it was.
 */
export async function openBlobToFile(
  workspaceDir: string,
  identity: BlobIdentity,
  expected: { sizeBytes: number; sha256: string },
  target: string,
): Promise<void> {
  await writeFileAtomicStreamed(target, (output) =>
    openBlob(workspaceDir, identity, expected, async (chunk) => {
      await output.write(chunk);
      chunk.fill(0);
    }),
  );
}

/** Decrypts a small attachment into memory (previews, inline downloads, case packages). */
export async function openBlobToBuffer(
  workspaceDir: string,
  identity: BlobIdentity,
  expected: { sizeBytes: number; sha256: string },
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await openBlob(workspaceDir, identity, expected, (chunk) => {
    chunks.push(chunk);
  });
  return Buffer.concat(chunks);
}
