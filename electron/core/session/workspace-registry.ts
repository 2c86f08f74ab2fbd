import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { WorkspaceSummary } from '../../api/schemas/workspace-schemas';
import { writeFileAtomic } from '../durable-file';
import { looksLikeWorkspace } from '../vault/workspace-files';

const registrySchema = z.object({
  workspaces: z.array(
    z.object({
      path: z.string(),
      name: z.string(),
      isDemo: z.boolean(),
      lastOpenedAt: z.string().nullable(),
    }),
  ),
});
type Registry = z.infer<typeof registrySchema>;

/**
 * The list of workspaces this installation knows (paths and names only, no case data), kept in
 * the app's data folder so the first screen can offer them.
 */
export class WorkspaceRegistry {
  constructor(private readonly file: string) {}

  private read(): Registry {
    try {
      return registrySchema.parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    } catch {
      // Missing or unreadable: start empty. The workspaces themselves are untouched.
      return { workspaces: [] };
    }
  }

  private write(registry: Registry): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, `${JSON.stringify(registry, null, 2)}\n`);
  }

  list(): WorkspaceSummary[] {
    return this.read()
      .workspaces.map((entry) => ({ ...entry, available: looksLikeWorkspace(entry.path) }))
      .sort((a, b) => (b.lastOpenedAt ?? '').localeCompare(a.lastOpenedAt ?? ''));
  }

  remember(entry: {
    path: string;
    name: string;
    isDemo: boolean;
    lastOpenedAt: string | null;
  }): void {
    const registry = this.read();
    const others = registry.workspaces.filter((existing) => existing.path !== entry.path);
    this.write({ workspaces: [...others, entry] });
  }

  forget(workspacePath: string): void {
    const registry = this.read();
    this.write({ workspaces: registry.workspaces.filter((entry) => entry.path !== workspacePath) });
  }
}
