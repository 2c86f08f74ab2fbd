import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  writeFileAtomic,
  writeFileAtomicWith,
  writeNewFileAtomic,
} from '../../../electron/core/durable-file';
import { makeTempDir } from '../../helpers/test-core';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('writeFileAtomic (POSIX)', () => {
  it('an existing 0644 file becomes 0600 with the new content, and no temporary file is left', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'chart.graphml');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o644);
    writeFileAtomic(file, '<graphml/>');
    expect([fs.readFileSync(file, 'utf8'), modeOf(file)]).toEqual(['<graphml/>', 0o600]);
    expect(fs.readdirSync(dir)).toEqual(['chart.graphml']);
  });

  it('0600 whatever the umask lets through', () => {
    const file = path.join(makeTempDir(), 'brief.pdf');
    const previous = process.umask(0o277);
    try {
      writeFileAtomic(file, 'x');
    } finally {
      process.umask(previous);
    }
    expect(modeOf(file)).toBe(0o600);
  });

  it('a symlink at the path is replaced by the file; what it pointed to is untouched', () => {
    const dir = makeTempDir();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'keep me');
    fs.chmodSync(victim, 0o644);
    const link = path.join(dir, 'link.json');
    fs.symlinkSync(victim, link);
    writeFileAtomic(link, '{"nodes":[]}');
    expect([fs.readFileSync(victim, 'utf8'), modeOf(victim)]).toEqual(['keep me', 0o644]);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(false);
    expect([fs.readFileSync(link, 'utf8'), modeOf(link)]).toEqual(['{"nodes":[]}', 0o600]);
  });

  it('a write that fails leaves the old file as it was and no temporary file', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'backup.qlbak');
    fs.writeFileSync(file, 'old');
    expect(() =>
      writeFileAtomicWith(file, (fd) => {
        fs.writeSync(fd, 'half');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['backup.qlbak']);
  });
});

describe.skipIf(process.platform === 'win32')('writeNewFileAtomic (POSIX)', () => {
  it('writes a new file 0600 and leaves no temporary file', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'calls.csv.rejected.csv');
    writeNewFileAtomic(file, 'line,reason\n');
    expect([fs.readFileSync(file, 'utf8'), modeOf(file)]).toEqual(['line,reason\n', 0o600]);
    expect(fs.readdirSync(dir)).toEqual(['calls.csv.rejected.csv']);
  });

  it('never replaces a file that is there (one put there after a check), nor what a link points to', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'earlier.rejected.csv');
    fs.writeFileSync(file, 'an earlier file');
    expect(() => writeNewFileAtomic(file, 'new rows')).toThrow(
      expect.objectContaining({ code: 'EEXIST' }),
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('an earlier file');
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'keep me');
    const link = path.join(dir, 'link.csv');
    fs.symlinkSync(victim, link);
    expect(() => writeNewFileAtomic(link, 'new rows')).toThrow(
      expect.objectContaining({ code: 'EEXIST' }),
    );
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.readdirSync(dir).sort()).toEqual(['earlier.rejected.csv', 'link.csv', 'victim.txt']);
  });
});
