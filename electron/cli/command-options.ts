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
  /** package import: the package's implausible seizures were checked and are confirmed. */
  'confirm-implausible'?: boolean;
  map?: string;
  'skip-invalid'?: boolean;
  rejected?: string;
  /** import --skip-invalid: the rejected-rows file may replace a file already there. */
  'overwrite-rejected'?: boolean;
  'own-account'?: string;
  'own-number'?: string;
  'area-code'?: string;
  sheet?: string;
  id?: string;
  page?: string;
  k?: string;
  types?: string;
  phones?: string;
  phone?: string;
  min?: string;
  limit?: string;
  window?: string;
  companions?: boolean;
  'include-service'?: boolean;
  cell?: string;
  account?: string;
  hops?: string;
  direction?: string;
  'structuring-threshold'?: string;
  'compare-from'?: string;
  'compare-to'?: string;
  json?: boolean;
  'password-stdin'?: boolean;
}
