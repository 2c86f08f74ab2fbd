import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

/**
 * Random words for the IDs, drawn from the system's CSPRNG 4 KiB at a time: an import makes
 * tens of thousands of IDs, and the library's own draws (32 bytes each through Web Crypto)
 * cost ~0.1 s of the CLI's import of 200,000 calls.
 */
class BufferedRandom {
  private readonly words = new Uint32Array(1024);
  private next = this.words.length;

  nextUint32(): number {
    if (this.next === this.words.length) {
      randomFillSync(this.words);
      this.next = 0;
    }
    return this.words[this.next++]!;
  }
}

const generator = new V7Generator(new BufferedRandom());

/** Sortable, mergeable IDs (UUIDv7) for every row created on any workstation. */
export function newId(): string {
  return generator.generate().toString();
}
