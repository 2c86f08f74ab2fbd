import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createKeySlot,
  openKeySlot,
  resealSlot,
  unwrapDataKey,
  wrapDataKey,
} from '../../../electron/core/vault/key-slot';

describe('key slots', () => {
  it('wrap the data key so that only the right password and slot unwrap it', async () => {
    const dataKey = crypto.randomBytes(32);
    const slot = await createKeySlot(
      'ws-1',
      { dataKey, signingKey: null },
      'Pass#word2026',
      { kind: 'user', userId: 'u1', username: 'a' },
      'now',
    );
    expect(slot.kdf).toMatchObject({ algorithm: 'argon2id', memoryKiB: 65_536, iterations: 3 });
    expect(Buffer.from(slot.dataKey.ciphertext, 'base64')).not.toEqual(dataKey);
    expect((await openKeySlot('ws-1', slot, 'Pass#word2026'))?.dataKey).toEqual(dataKey);
    expect(await openKeySlot('ws-1', slot, 'Pass#word2027')).toBeNull();
    // The same slot moved to another workspace or user does not open.
    expect(await openKeySlot('ws-2', slot, 'Pass#word2026')).toBeNull();
    expect(await openKeySlot('ws-1', { ...slot, userId: 'u2' }, 'Pass#word2026')).toBeNull();
  });

  it('treat full-width and half-width passwords alike (NFKC)', async () => {
    const dataKey = crypto.randomBytes(32);
    const slot = await createKeySlot(
      'ws',
      { dataKey, signingKey: null },
      'Ａｂｃ＃１２３４',
      { kind: 'user', userId: 'u', username: 'a' },
      'now',
    );
    expect((await openKeySlot('ws', slot, 'Abc#1234'))?.dataKey).toEqual(dataKey);
  });

  it('re-seal to the same public key without the password; the old sealing opens nothing new', async () => {
    const first = crypto.randomBytes(32);
    const second = crypto.randomBytes(32);
    const signing = crypto.randomBytes(48);
    const slot = await createKeySlot(
      'ws',
      { dataKey: first, signingKey: null },
      'Pass#word2026',
      { kind: 'user', userId: 'u', username: 'a' },
      'now',
    );
    const resealed = resealSlot('ws', slot, { dataKey: second, signingKey: signing }, 'later');
    expect(resealed.privateKey).toEqual(slot.privateKey);
    const opened = await openKeySlot('ws', resealed, 'Pass#word2026');
    expect(opened?.dataKey).toEqual(second);
    expect(opened?.signingKey).toEqual(signing);
    // A sealed key moved onto another slot's public key does not open.
    const other = await createKeySlot(
      'ws',
      { dataKey: first, signingKey: null },
      'Other#word2026',
      { kind: 'user', userId: 'v', username: 'b' },
      'now',
    );
    expect(
      await openKeySlot('ws', { ...other, dataKey: resealed.dataKey }, 'Other#word2026'),
    ).toBeNull();
  });

  it('refuse a tampered ciphertext or tag', () => {
    const key = crypto.randomBytes(32);
    const data = crypto.randomBytes(32);
    const aad = Buffer.from('aad');
    const wrapped = wrapDataKey(data, key, aad);
    expect(unwrapDataKey(wrapped, key, aad)).toEqual(data);
    const flipped = Buffer.from(wrapped.ciphertext, 'base64');
    flipped[0]! ^= 1;
    expect(
      unwrapDataKey({ ...wrapped, ciphertext: flipped.toString('base64') }, key, aad),
    ).toBeNull();
    expect(
      unwrapDataKey({ ...wrapped, tag: Buffer.alloc(16).toString('base64') }, key, aad),
    ).toBeNull();
  });
});
