import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseString } from 'fast-csv';
import iconv from 'iconv-lite';
import { systemClock } from '../../electron/core/clock';
import { readCsvRows } from '../../electron/core/io/csv-rows';
import { commitImport } from '../../electron/core/io/import-writer';
import { readAndPlanSource } from '../../electron/core/io/table-file';
import { tableLimits } from '../../electron/core/io/table-parse';
import { decodeText } from '../../electron/core/io/text-decoding';
import { createWorkspace } from '../../electron/core/vault/workspace-vault';

/**
 * Carrier call lists as they come; each target phone is seen on about 200 base stations (GB18030, 本机号码/对方号码/呼叫类型, 主叫/被叫/呼转/短信 rows,
 * base stations): the CSV readers compared on the same text, then the whole import of the
 * file into an encrypted workspace, phase by phase.
 */
export function carrierCallList(rows: number): Buffer {
  const lines = ['序号,本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI,IMEI'];
  const types = ['主叫', '被叫', '主叫', '被叫', '呼转', '短信发', '短信收'];
  let state = 12_345;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state;
  };
  const start = Date.UTC(2025, 0, 1);
  for (let index = 0; index < rows; index += 1) {
    const target = next() % 100;
    const skew = (next() % 1_000) / 1_000;
    const contact = (target * 997 + Math.floor(skew * skew * 600)) % 20_000;
    const type = types[next() % types.length]!;
    const at = new Date(start + index * 29_000).toISOString().replace('T', ' ').slice(0, 19);
    const seconds = type.startsWith('短信') ? '' : String(next() % 600);
    lines.push(
      `${index + 1},${13_900_000_000 + target},${13_800_000_000 + contact},${type},${at},${seconds},${25_000 + (target % 50)},${(target * 37 + (next() % 200)) % 65_535},86${String(100_000_000_000 + target * 7).padStart(12, '0')}`,
    );
  }
  return iconv.encode(lines.join('\r\n'), 'gb18030');
}

const seconds = (from: number) => (performance.now() - from) / 1000;
/** CPU seconds of this process (all threads) since `from`: steadier than wall time on a shared machine. */
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

export async function benchParsers(text: string) {
  const results: { parser: string; seconds: number; rows: number }[] = [];
  let started = performance.now();
  const mine = readCsvRows(text, tableLimits);
  results.push({
    parser: 'readCsvRows (RFC 4180, ours)',
    seconds: seconds(started),
    rows: mine.length,
  });
  started = performance.now();
  const theirs = parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as unknown[];
  results.push({
    parser: 'csv-parse 6 (sync, info)',
    seconds: seconds(started),
    rows: theirs.length,
  });
  started = performance.now();
  const plain = parse(text, { relax_column_count: true }) as unknown[];
  results.push({
    parser: 'csv-parse 6 (sync, no trim/info)',
    seconds: seconds(started),
    rows: plain.length,
  });
  started = performance.now();
  const fast = await new Promise<number>((resolve, reject) => {
    let count = 0;
    parseString(text, { trim: true, ignoreEmpty: true })
      .on('data', () => (count += 1))
      .on('end', () => resolve(count))
      .on('error', reject);
  });
  results.push({ parser: 'fast-csv 5 (stream)', seconds: seconds(started), rows: fast });
  started = performance.now();
  const naive = text.split(/\r?\n/).map((line) => line.split(','));
  results.push({
    parser: 'String.split (no quotes: the floor)',
    seconds: seconds(started),
    rows: naive.length,
  });
  return results;
}

export async function benchRecordsImport(rows = 1_000_000) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-records-bench-'));
  try {
    const bytes = carrierCallList(rows);
    let started = performance.now();
    const text = decodeText(bytes, 'gb18030');
    const decodeSeconds = seconds(started);
    // BENCH_SKIP_PARSERS=1: the import alone (profiling it, comparing before and after).
    const parsers = process.env['BENCH_SKIP_PARSERS'] ? [] : await benchParsers(text);

    const { workspace } = await createWorkspace(
      {
        dir: path.join(tmp, 'ws'),
        name: 'records',
        unitName: '基准测试大队',
        admin: { username: 'admin', displayName: '基准管理员', password: 'Bench#Pass2026' },
      },
      { clock: systemClock, migrationsFolder: path.resolve(__dirname, '../../drizzle') },
    );
    const file = path.join(tmp, 'calls.csv');
    fs.writeFileSync(file, bytes);
    // Read and check: the parser thread reads, hashes, decodes, parses and checks the file and
    // sends the plan back (what import.preview does).
    started = performance.now();
    let cpu = process.cpuUsage();
    const { plan } = await readAndPlanSource({ path: file }, 'auto', 'calls', {});
    const readSeconds = seconds(started);
    const readCpuSeconds = cpuSeconds(cpu);
    if (plan.problems.length) throw new Error(`bench file has ${plan.problems.length} bad rows`);
    started = performance.now();
    cpu = process.cpuUsage();
    const summary = await commitImport(workspace, plan, {
      importId: 'bench',
      fileName: 'calls.csv',
      caseId: null,
      onProgress: () => undefined,
      isCancelled: () => false,
    });
    const writeSeconds = seconds(started);
    const writeCpuSeconds = cpuSeconds(cpu);
    workspace.close('user');
    return {
      rows,
      fileMiB: bytes.length / 2 ** 20,
      decodeSeconds,
      parsers,
      readAndCheckSeconds: readSeconds,
      writeSeconds,
      totalSeconds: readSeconds + writeSeconds,
      cpuSeconds: { readAndCheck: readCpuSeconds, write: writeCpuSeconds },
      loadAverage: os.loadavg()[0],
      relations: summary.relationsCreated,
      entities: summary.entitiesCreated,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('records-bench.ts'))
  void benchRecordsImport(Number(process.env['BENCH_IO_ROWS'] ?? 1_000_000)).then((result) =>
    console.log(JSON.stringify(result, null, 2)),
  );
