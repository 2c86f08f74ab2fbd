import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPackage, sealPackage } from '../../electron/core/io/case-package';
import { copiedCliWorkspace, execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

/**
 * The receive dialog lets a user confirm a package's implausible seizures (5 t of heroin, checked
 * with the sending unit); `package import` on the command line had no way to: such a package
 * could not be imported there at all. `--confirm-implausible` is that confirmation.
 */
const passphrase = '协查口令-2026-11';

describe('CLI package import of a package with an implausible seizure', () => {
  it('is refused (exit 1) without --confirm-implausible, listed by a dry run, imported with it', async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const other = copiedCliWorkspace('admin', path.join(makeTempDir(), 'other'));
    const exported = path.join(makeTempDir(), 'case.qlpkg');
    const run = (args: string[], env: Record<string, string>) =>
      execCli(args, { QUANLIAN_PACKAGE_PASSPHRASE: passphrase, ...env });
    const made = await run(
      ['package', 'export', '--workspace', dir, '--user', 'demo'].concat([
        '--case',
        'A3301052026030015',
        '--out',
        exported,
        '--json',
      ]),
      { QUANLIAN_PASSWORD: 'Quanlian@2026' },
    );
    expect(made.status).toBe(0);
    // The sending unit's package with its second seizure 5 t of heroin.
    const snapshot = await openPackage(fs.readFileSync(exported), passphrase);
    Object.assign(snapshot.seizures[1]!, {
      drugType: 'heroin',
      quantityValue: '5000',
      quantityUnit: 'kg',
      contentPerUnit: null,
      purityBasisPoints: null,
    });
    const file = path.join(makeTempDir(), 'five-tonnes.qlpkg');
    fs.writeFileSync(file, await sealPackage(snapshot, passphrase));
    const importInto = (extra: string[]) =>
      run(['package', 'import', '--workspace', other, '--file', file, ...extra], {
        QUANLIAN_PASSWORD: 'Admin#Pass2026',
      });

    const refused = await importInto(['--json']);
    expect([refused.status, JSON.parse(refused.stdout).error.code]).toEqual([
      1,
      'package.implausibleQuantity',
    ]);
    // Without --json the refusal says what to do here: the window's sentence names its tick box.
    const told = await importInto([]);
    expect(told.status).toBe(1);
    expect(told.stderr.split('\n').slice(1, 2)).toEqual([
      '与发送单位核实数量无误后，加 --confirm-implausible 再导入；--dry-run 可先列出这些缴获。',
    ]);
    const dry = await importInto(['--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(
      'implausible seizure 2: heroin 5000 kg' +
        (snapshot.seizures[1]!['evidenceNo'] ? ` (${snapshot.seizures[1]!['evidenceNo']})` : '') +
        ', needs --confirm-implausible\n',
    );
    expect(dry.stdout).toContain('dry run: nothing written');

    const done = await importInto(['--confirm-implausible', '--json']);
    expect(done.status).toBe(0);
    expect(JSON.parse(done.stdout).summary).toMatchObject({
      seizures: snapshot.seizures.length,
    });
    const shown = await run(['case', 'show', '--workspace', other, 'A3301052026030015', '--json'], {
      QUANLIAN_PASSWORD: 'Admin#Pass2026',
    });
    expect(shown.status).toBe(0);
    expect(JSON.stringify(JSON.parse(shown.stdout))).toContain('5000');

    const help = await execCli(['--help']);
    expect(help.stdout).toContain(
      'package import --workspace DIR --file FILE [--dry-run] [--confirm-implausible]',
    );
  }, 180_000);
});
