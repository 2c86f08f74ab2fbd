import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentChunkBytes } from '../../electron/api/domain/attachment-limits';
import { createBackup, restoreBackup } from '../../electron/core/backup/backup-service';
import { openDirect, testEnv } from '../helpers/direct-workspace';
import { filesWithPlaintext } from '../helpers/plaintext-scan';
import {
  adminPassword,
  createTestWorkspace,
  makeTempDir,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

let c: TestCore;
const cleanup: string[] = [];
afterEach(() => {
  c?.dispose();
  for (const dir of cleanup.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const mib = 1024 * 1024;
/** Bytes of the file header before the first record (magic, version, chunk size, salt). */
const headerBytes = 48;
const recordBytes = 4 + attachmentChunkBytes + 16;

/** A file of `size` pseudo-random bytes (AES-CTR keystream), written 1 MiB at a time. */
function writeEvidence(file: string, size: number, seed: string): void {
  const key = crypto.createHash('sha256').update(seed).digest().subarray(0, 16);
  const cipher = crypto.createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(mib);
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    for (let written = 0; written < size; written += mib)
      fs.writeSync(fd, cipher.update(zeros.subarray(0, Math.min(mib, size - written))));
  } finally {
    fs.closeSync(fd);
  }
}

function sha256Of(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(8 * mib);
  try {
    for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer))
      hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** 32-byte samples spread over a file: the plaintext patterns that must appear nowhere else. */
function samplesOf(file: string, count: number): Buffer[] {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    return Array.from({ length: count }, (_unused, index) => {
      const sample = Buffer.alloc(32);
      fs.readSync(fd, sample, 0, 32, Math.floor(((size - 32) * index) / (count - 1)));
      return sample;
    });
  } finally {
    fs.closeSync(fd);
  }
}

/** Samples the process's resident memory every 10 ms while `work` runs; the peak growth. */
async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return peak - baseline;
}

async function setup() {
  c = makeTestCore();
  const { path: dir } = await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A3301-ATT',
    title: '附件测试案',
    offenceType: 'trafficking',
    openedOn: '2026-11-01',
  });
  const suspect = await c.ok('entities.create', {
    entity: { kind: 'person', name: '附件嫌疑人' },
    caseId: caseRow.id,
  });
  return { dir, caseRow, suspect };
}

function blobFile(dir: string, id: string): string {
  return path.join(dir, 'attachments', `${id}.qla`);
}

describe('evidence-sized attachments', () => {
  it('streams a 300 MiB file in and out encrypted, byte-identical, with bounded memory and no plaintext anywhere', async () => {
    const started = Date.now() - 1000;
    const { dir, suspect } = await setup();
    const evidence = makeTempDir('quanlian-evidence-');
    cleanup.push(evidence);
    const source = path.join(evidence, '手机取证报告.bin');
    const size = 300 * mib + 12345;
    writeEvidence(source, size, 'phone dump');
    const sha256 = sha256Of(source);

    let added!: Awaited<ReturnType<TestCore['ok']>>;
    const addGrowth = await peakRssGrowth(async () => {
      added = await c.ok('attachments.addFile', {
        ownerType: 'entity',
        ownerId: suspect.id,
        kind: 'electronicData',
        path: source,
        mimeType: 'application/octet-stream',
      });
    });
    const row = added as { id: string; sizeBytes: number; sha256: string; fileName: string };
    expect(row).toMatchObject({
      sizeBytes: size,
      sha256,
      fileName: '手机取证报告.bin',
      kind: 'electronicData',
      ownerType: 'entity',
    });
    // Chunked: one header, 301 data records, the trailer; nothing else in the folder.
    const blob = blobFile(dir, row.id);
    expect(fs.statSync(blob).size).toBe(
      headerBytes + 300 * recordBytes + (4 + 12345 + 16) + (4 + 1024 + 16),
    );
    expect(fs.readdirSync(path.join(dir, 'attachments'))).toEqual([`${row.id}.qla`]);

    const out = path.join(evidence, 'read-back.bin');
    let saved!: { path: string; sizeBytes: number; sha256: string };
    const saveGrowth = await peakRssGrowth(async () => {
      saved = await c.ok('attachments.saveTo', { id: row.id, path: out });
    });
    expect(saved).toEqual({ path: out, sizeBytes: size, sha256 });
    expect(sha256Of(out)).toBe(sha256);
    process.stdout.write(
      `300 MiB attachment: peak RSS growth ${(addGrowth / mib).toFixed(1)} MiB adding, ${(saveGrowth / mib).toFixed(1)} MiB saving\n`,
    );
    expect(addGrowth).toBeLessThan(64 * mib);
    expect(saveGrowth).toBeLessThan(64 * mib);

    // The file name is not in the clear either.
    const samples = [...samplesOf(source, 24), Buffer.from('手机取证报告', 'utf8')];
    const except = new Set([source, out]);
    // The scan does find the pattern where it is: in the user's own copies.
    expect(filesWithPlaintext(evidence, samples, started, new Set()).sort()).toEqual(
      [out, source].sort(),
    );
    expect(filesWithPlaintext(dir, samples, started, except)).toEqual([]);
    // The temp folder, less other test runs' roots (their own copies of this evidence).
    const runRoot = process.env['QUANLIAN_TEST_TMP'];
    expect(filesWithPlaintext(os.tmpdir(), samples.slice(0, 24), started, except, runRoot)).toEqual(
      [],
    );

    // A flipped byte in one chunk: refused, the chunk named, nothing handed over.
    const fd = fs.openSync(blob, 'r+');
    const offset = headerBytes + 137 * recordBytes + 4 + 4096;
    const byte = Buffer.alloc(1);
    fs.readSync(fd, byte, 0, 1, offset);
    byte[0] ^= 0x01;
    fs.writeSync(fd, byte, 0, 1, offset);
    fs.closeSync(fd);
    const damaged = path.join(evidence, 'damaged.bin');
    expect(await c.call('attachments.saveTo', { id: row.id, path: damaged })).toMatchObject({
      ok: false,
      error: { code: 'attachments.corrupt', details: { chunk: 137 } },
    });
    expect(fs.existsSync(damaged)).toBe(false);
    const audit = await c.ok('audit.list', { action: 'attachments.saveFailed' });
    expect(audit.total).toBe(1);
  }, 600_000);

  it('detects reordered, dropped and cut-off chunks, and a file copied onto another', async () => {
    const { dir, caseRow } = await setup();
    const content = crypto.randomBytes(3 * attachmentChunkBytes + 100);
    const add = (name: string) =>
      c.ok('attachments.add', {
        ownerType: 'case',
        ownerId: caseRow.id,
        kind: 'photo',
        fileName: name,
        mimeType: 'image/jpeg',
        contentBase64: content.toString('base64'),
      });
    const first = await add('现场照片1.jpg');
    const second = await add('现场照片2.jpg');
    const back = await c.ok('attachments.get', { id: first.id });
    expect(Buffer.from(back.contentBase64, 'base64').equals(content)).toBe(true);

    const original = fs.readFileSync(blobFile(dir, first.id));
    const record = (index: number) =>
      original.subarray(headerBytes + index * recordBytes, headerBytes + (index + 1) * recordBytes);
    const header = original.subarray(0, headerBytes);
    const tail = original.subarray(headerBytes + 3 * recordBytes);
    const variants: [string, Buffer, number][] = [
      ['swapped', Buffer.concat([header, record(1), record(0), record(2), tail]), 0],
      ['dropped', Buffer.concat([header, record(0), record(2), tail]), 1],
      ['cut off before the trailer', original.subarray(0, headerBytes + 3 * recordBytes), 3],
      ['extra bytes', Buffer.concat([original, Buffer.from([0])]), 5],
    ];
    for (const [what, bytes, chunk] of variants) {
      fs.writeFileSync(blobFile(dir, first.id), bytes);
      const result = await c.call('attachments.get', { id: first.id });
      expect({ what, result }).toMatchObject({
        what,
        result: { ok: false, error: { code: 'attachments.corrupt', details: { chunk } } },
      });
    }
    // Another attachment's file under this name does not open (the key names the attachment).
    fs.copyFileSync(blobFile(dir, second.id), blobFile(dir, first.id));
    expect(await c.call('attachments.get', { id: first.id })).toMatchObject({
      ok: false,
      error: { code: 'attachments.corrupt', details: { chunk: 0 } },
    });
    fs.rmSync(blobFile(dir, first.id));
    expect(await c.call('attachments.get', { id: first.id })).toMatchObject({
      ok: false,
      error: { code: 'attachments.missing' },
    });
  });

  it('links files to an event and a seizure, and refuses an owner that does not exist', async () => {
    const { caseRow } = await setup();
    const event = await c.ok('events.create', {
      caseId: caseRow.id,
      kind: 'search',
      occurredAt: '2026-11-02T02:00:00.000Z',
      title: '搜查窝点',
      entityIds: [],
    });
    const added = await c.ok('attachments.add', {
      ownerType: 'event',
      ownerId: event.id,
      kind: 'video',
      fileName: '搜查录像.mp4',
      mimeType: 'video/mp4',
      contentBase64: Buffer.from('video').toString('base64'),
    });
    expect(added).toMatchObject({ ownerType: 'event', caseId: caseRow.id, kind: 'video' });
    expect(
      (await c.ok('attachments.list', { caseId: caseRow.id })).map((row) => row.fileName),
    ).toEqual(['搜查录像.mp4']);
    expect(
      await c.call('attachments.add', {
        ownerType: 'event',
        ownerId: 'no-such-event',
        fileName: 'x.txt',
        contentBase64: Buffer.from('x').toString('base64'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'events.notFound' } });
  });

  it('carries the encrypted files in a backup and restores them', async () => {
    const { dir, caseRow } = await setup();
    const content = crypto.randomBytes(2 * attachmentChunkBytes + 7);
    const added = await c.ok('attachments.add', {
      ownerType: 'case',
      ownerId: caseRow.id,
      kind: 'expertOpinion',
      fileName: '鉴定意见书.pdf',
      mimeType: 'application/pdf',
      contentBase64: content.toString('base64'),
    });
    const workspace = await openDirect(dir, 'admin', adminPassword);
    const file = path.join(c.root, 'with-files.qlbackup');
    createBackup(workspace, file);
    workspace.close('user');
    expect(fs.readFileSync(file).includes(content.subarray(1000, 1064))).toBe(false);

    const target = path.join(c.root, 'restored');
    await restoreBackup(file, target, 'admin', adminPassword, testEnv);
    c.dispose();
    c = makeTestCore();
    await c.ok('session.unlock', { path: target, username: 'admin', password: adminPassword });
    const back = await c.ok('attachments.get', { id: added.id });
    expect(Buffer.from(back.contentBase64, 'base64').equals(content)).toBe(true);

    // Restoring over the workspace puts the backup's files in and keeps the current ones aside.
    await c.ok('session.lock', {});
    const result = await restoreBackup(file, target, 'admin', adminPassword, testEnv);
    expect(fs.readdirSync(path.join(result.replacedInto!, 'attachments'))).toEqual([
      `${added.id}.qla`,
    ]);
    expect(fs.readdirSync(path.join(target, 'attachments'))).toEqual([`${added.id}.qla`]);
    await c.ok('session.unlock', { path: target, username: 'admin', password: adminPassword });
    const again = await c.ok('attachments.get', { id: added.id });
    expect(Buffer.from(again.contentBase64, 'base64').equals(content)).toBe(true);
  });

  it('refuses a damaged attachment inside a backup and changes nothing', async () => {
    const { dir, caseRow } = await setup();
    await c.ok('attachments.add', {
      ownerType: 'case',
      ownerId: caseRow.id,
      fileName: '笔录.docx',
      kind: 'statement',
      contentBase64: crypto.randomBytes(5000).toString('base64'),
    });
    const workspace = await openDirect(dir, 'admin', adminPassword);
    const file = path.join(c.root, 'damaged.qlbackup');
    createBackup(workspace, file);
    workspace.close('user');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 200] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const target = path.join(c.root, 'never');
    await expect(
      restoreBackup(file, target, 'admin', adminPassword, testEnv),
    ).rejects.toMatchObject({ code: 'backup.corrupt' });
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('in the desktop app takes only paths its own picker returned, each once', async () => {
    const evidence = makeTempDir('quanlian-picked-');
    cleanup.push(evidence);
    const source = path.join(evidence, '讯问笔录.txt');
    fs.writeFileSync(source, '讯问笔录：第一次');
    const target = path.join(evidence, '导出.txt');
    fs.writeFileSync(target, 'old content the user agreed to replace');
    fs.chmodSync(target, 0o644);
    const picks: (string | null)[] = [source, target];
    c = makeTestCore(undefined, { host: 'electron', pickFile: async () => picks.shift() ?? null });
    await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A3301-PICK',
      title: '选择文件测试',
      offenceType: 'trafficking',
      openedOn: '2026-11-01',
    });
    const owner = { ownerType: 'case' as const, ownerId: caseRow.id, kind: 'statement' as const };
    expect(await c.call('attachments.addFile', { ...owner, path: source })).toMatchObject({
      ok: false,
      error: { code: 'attachments.pathNotPicked' },
    });
    expect(await c.ok('attachments.pickFile', { mode: 'open' })).toEqual({ path: source });
    const added = await c.ok('attachments.addFile', { ...owner, path: source });
    // The grant is used up.
    expect(await c.call('attachments.addFile', { ...owner, path: source })).toMatchObject({
      error: { code: 'attachments.pathNotPicked' },
    });
    // An open grant does not allow writing; a save grant replaces the file the user chose.
    expect(await c.call('attachments.saveTo', { id: added.id, path: target })).toMatchObject({
      error: { code: 'attachments.pathNotPicked' },
    });
    expect(await c.ok('attachments.pickFile', { mode: 'save', suggestedName: 'x' })).toEqual({
      path: target,
    });
    await c.ok('attachments.saveTo', { id: added.id, path: target });
    expect(fs.readFileSync(target, 'utf8')).toBe('讯问笔录：第一次');
    // Replaced, not written into: owner-only whatever the old file's mode was.
    if (process.platform !== 'win32') expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });

  it('still reads an attachment kept in the database by an earlier version', async () => {
    const { dir, caseRow } = await setup();
    await c.ok('session.lock', {});
    const content = Buffer.from('旧版附件：扣押清单');
    const sha256 = crypto.createHash('sha256').update(content).digest('hex');
    const workspace = await openDirect(dir, 'admin', adminPassword);
    workspace.sqlite
      .prepare(
        `INSERT INTO attachments (id, owner_type, owner_id, case_id, file_name, mime_type, size_bytes,
           sha256, content, created_at, updated_at)
         VALUES ('legacy-1', 'case', ?, ?, '扣押清单.txt', 'text/plain', ?, ?, ?, ?, ?)`,
      )
      .run(
        caseRow.id,
        caseRow.id,
        content.length,
        sha256,
        content,
        '2026-01-01T00:00:00Z',
        '2026-01-01T00:00:00Z',
      );
    workspace.close('user');
    await c.ok('session.unlock', { path: dir, username: 'admin', password: adminPassword });
    const listed = await c.ok('attachments.list', { caseId: caseRow.id });
    expect(listed.map((row) => [row.fileName, row.kind, row.sizeBytes])).toEqual([
      ['扣押清单.txt', 'other', content.length],
    ]);
    const back = await c.ok('attachments.get', { id: 'legacy-1' });
    expect(Buffer.from(back.contentBase64, 'base64').equals(content)).toBe(true);
    const out = path.join(c.root, 'legacy-out.txt');
    expect(await c.ok('attachments.saveTo', { id: 'legacy-1', path: out })).toEqual({
      path: out,
      sizeBytes: content.length,
      sha256,
    });
    expect(fs.readFileSync(out).equals(content)).toBe(true);
  });
});
