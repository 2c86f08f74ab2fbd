import { execFileSync } from 'node:child_process';

/**
 * The Python that has networkx: Debian's python3-networkx goes into /usr/bin/python3, which
 * is not the first python3 on PATH on machines with pyenv.
 */
function findNetworkxPython(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import networkx'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // Try the next one.
    }
  }
  throw new Error('No python3 with networkx: apt-get install python3-networkx');
}

export const networkxPython = findNetworkxPython();
