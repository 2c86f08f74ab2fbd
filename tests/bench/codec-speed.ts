import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface CodecSpeed {
  label: string;
  /** Microseconds per 4 KiB page written (insert + checkpoint) and read (cold scan). */
  writeMicros: number;
  readMicros: number;
}

const pages = 30_000;

/** Writes and reads back ~120 MB of 4 KiB pages with a small cache, so every page goes through the codec. */
function measureCodec(
  dir: string,
  label: string,
  setup: (db: Database.Database) => void,
): CodecSpeed {
  const file = path.join(dir, 'codec.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  const db = new Database(file);
  setup(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000');
  db.exec('CREATE TABLE t (x BLOB)');
  const blob = crypto.randomBytes(3_500);
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  let started = performance.now();
  db.transaction(() => {
    for (let n = 0; n < pages; n += 1) insert.run(blob);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const write = performance.now() - started;
  started = performance.now();
  db.prepare('SELECT sum(length(x)) FROM t').get();
  const read = performance.now() - started;
  db.close();
  return { label, writeMicros: (write * 1000) / pages, readMicros: (read * 1000) / pages };
}

/** The cost per page of each cipher SQLite3 Multiple Ciphers offers, against plain SQLite. */
export function codecSpeeds(dir: string): CodecSpeed[] {
  const key = crypto.randomBytes(32).toString('hex');
  const keyed =
    (cipher: string, extra: string[] = []) =>
    (db: Database.Database) => {
      db.pragma(`cipher='${cipher}'`);
      for (const pragma of extra) db.pragma(pragma);
      db.pragma(`key="x'${key}'"`);
    };
  return [
    measureCodec(dir, 'plain SQLite', () => undefined),
    measureCodec(
      dir,
      'SQLCipher 4 (AES-256-CBC + HMAC-SHA512), used',
      keyed('sqlcipher', ['legacy=4']),
    ),
    measureCodec(
      dir,
      'SQLCipher 4 with HMAC-SHA1',
      keyed('sqlcipher', ['legacy=4', 'hmac_algorithm=0']),
    ),
    measureCodec(dir, 'ChaCha20-Poly1305 (sqleet)', keyed('chacha20')),
    measureCodec(dir, 'AES-256-CBC without MAC (wxSQLite3)', keyed('aes256cbc')),
  ];
}
