import crypto from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a printed key is read back without ambiguity. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new recovery key: 160 random bits as 32 characters in 8 groups of 4, for printing. */
export function generateRecoveryKey(): string {
  const bytes = crypto.randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return formatRecoveryKey(out);
}

function formatRecoveryKey(compact: string): string {
  return compact.match(/.{1,4}/g)!.join('-');
}

/**
 * The canonical form a recovery key is derived from: upper case, separators dropped, and the
 * letters people confuse with digits read as those digits.
 */
export function normaliseRecoveryKey(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function isWellFormedRecoveryKey(input: string): boolean {
  const compact = normaliseRecoveryKey(input);
  return compact.length === 32 && [...compact].every((char) => alphabet.includes(char));
}
