import path from 'node:path';

/** electron-builder's `${os}` name for this platform: the folders under build/native/. */
export const targetOs = (platform: NodeJS.Platform) =>
  platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : platform;

/**
 * better-sqlite3 must be built for Electron's ABI, while tests and the CLI need the Node build.
 * Unpacked (npm start), main loads the Electron build from build/native/<os>-<arch>/ (staged by
 * scripts/native-bindings.ts); packaged, from resources/native/, where electron-builder puts
 * the target's own build (electron-builder.yml).
 */
export function nativeBindingPath(
  isPackaged: boolean,
  appPath: string,
  resourcesPath: string = process.resourcesPath,
): string {
  return isPackaged
    ? path.join(resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(
        appPath,
        'build',
        'native',
        `${targetOs(process.platform)}-${process.arch}`,
        'better_sqlite3.node',
      );
}
