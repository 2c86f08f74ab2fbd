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
  case?: string;
  format?: string;
  from?: string;
  to?: string;
  'max-hops'?: string;
  all?: boolean;
  classification?: string;
  unmask?: boolean;
  lang?: string;
  template?: string;
  file?: string;
  encoding?: string;
  'dry-run'?: boolean;
  map?: string;
  'skip-invalid'?: boolean;
  rejected?: string;
  'own-account'?: string;
  'area-code'?: string;
  id?: string;
  page?: string;
  k?: string;
  types?: string;
  json?: boolean;
  'password-stdin'?: boolean;
}
