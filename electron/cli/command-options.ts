/** Options every command may receive (parsed by node:util parseArgs). */
export interface CommandOptions {
  workspace?: string;
  user?: string;
  role?: string;
  name?: string;
  unit?: string;
  'display-name'?: string;
  out?: string;
  backup?: string;
  json?: boolean;
  'password-stdin'?: boolean;
}
