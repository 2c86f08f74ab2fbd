/** A folder beside the workspace's, named after it: where backups go unless the user says otherwise. */
export function suggestedBackupFolder(workspacePath: string): string {
  const separator = workspacePath.includes('\\') && !workspacePath.includes('/') ? '\\' : '/';
  const trimmed = workspacePath.replace(/[\\/]+$/, '');
  return `${trimmed}-备份`.replace(/[\\/]/g, separator);
}
