import path from 'node:path';

/**
 * better-sqlite3 must be built for Electron's ABI, while tests and the CLI need the Node build.
 * Unpacked (npm start), main loads the Electron build from build/native/electron/ (made by
 * scripts/rebuild-native-for-electron.mjs); packaged, electron-builder has rebuilt the module.
 */
export function nativeBindingPath(isPackaged: boolean, appPath: string): string | undefined {
  if (isPackaged) return undefined;
  return path.join(appPath, 'build', 'native', 'electron', 'better_sqlite3.node');
}
