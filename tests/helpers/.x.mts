import fs from 'node:fs';
import { readTableFile } from '../../electron/core/io/table-file';
import { planImport } from '../../electron/core/io/import-plan';
const file = await readTableFile(fs.readFileSync(process.argv[2]!));
const plan = planImport(file, process.argv[3] as 'seizures');
console.log(JSON.stringify({ mapping: plan.mapping, problems: plan.problems, data: plan.data }, null, 1).slice(0, 3000));
