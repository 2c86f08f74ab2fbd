import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const config = yaml.load(
  fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8'),
) as Record<string, unknown>;

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder configuration (packages are built on a connected machine)', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(repo, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('builds NSIS for Windows x64 and AppImage + deb for Linux x64 and arm64 (Kylin, UOS)', () => {
    expect(config['appId']).toBe('cn.quanlian.desktop');
    expect(config['productName']).toBe('全链 Quanlian');
    expect(config['win']).toMatchObject({ target: [{ target: 'nsis', arch: ['x64'] }] });
    expect(config['linux']).toMatchObject({
      target: [
        { target: 'AppImage', arch: ['x64', 'arm64'] },
        { target: 'deb', arch: ['x64', 'arm64'] },
      ],
    });
  });

  it("packs each target's staged native code outside the asar, never a rebuilt node_modules", () => {
    expect(config['npmRebuild']).toBe(false);
    expect(config['asar']).toBe(true);
    expect(config['extraResources']).toContainEqual(
      expect.objectContaining({ from: 'drizzle', to: 'drizzle' }),
    );
    expect(config['extraResources']).toContainEqual({
      from: 'build/native/${os}-${arch}',
      to: 'native',
      filter: ['*.node'],
    });
  });

  it('sets the security fuses', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has its icons: a 512×512 PNG for every platform', () => {
    for (const platform of ['win', 'linux'] as const) {
      const icon = (config[platform] as { icon: string }).icon;
      expect(pngSize(path.join(repo, icon))).toEqual([512, 512]);
    }
  });
});
