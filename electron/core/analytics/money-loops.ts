/**
 * 资金穿透's loops: where traced money goes round (乙 → 丙 → 乙) it arrives again at every pass,
 * and what came back must not be counted as more money reaching the account.
 */

/** What a pass through one account's ledger hands on: the transfer and its traced part. */
interface Passed {
  event: { counterpart: string | null; key: number | null };
  tracedFen: number;
}

/** Traced money one account passed on at a hop, by transfer. */
export interface TracedSend {
  hop: number;
  to: string;
  key: number;
  fen: number;
}

/**
 * The groups of accounts money can go round (strongly connected components of more than one
 * account, Tarjan's algorithm without recursion): only there can traced money come back.
 */
function loopsOf(graph: Map<string, Set<string>>): Set<string>[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: Set<string>[] = [];
  const none = new Set<string>();
  let counter = 0;
  const open = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
  };
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    open(root);
    const work: [string, Iterator<string>][] = [[root, (graph.get(root) ?? none).values()]];
    while (work.length) {
      const [node, next] = work.at(-1)!;
      const step = next.next();
      if (!step.done) {
        const to = step.value;
        if (!index.has(to)) {
          open(to);
          work.push([to, (graph.get(to) ?? none).values()]);
        } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1)?.[0];
      if (parent !== undefined) low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      if (low.get(node) !== index.get(node)) continue;
      const loop = new Set<string>();
      for (let member = stack.pop()!; ; member = stack.pop()!) {
        onStack.delete(member);
        loop.add(member);
        if (member === node) break;
      }
      if (loop.size > 1) loops.push(loop);
    }
  }
  return loops;
}

/**
 * Traced money that arrived again at an account it had already passed through (回流: 乙 → 丙 →
 * 乙), by account. Every arrival of such money follows its last departure from the account, so
 * following each account's departures on their own (the method is linear in the traced money),
 * through its loop and no further than the trace went, until they reach the account again,
 * gives exactly what came back, each pass once. Only accounts in a loop are followed again.
 */
export function returnedFen(
  sentBy: Map<string, TracedSend[]>,
  walk: (account: string, traced: Map<number, number>) => Passed[],
  notWalked: (account: string) => boolean,
  hops: number,
): Map<string, number> {
  const graph = new Map<string, Set<string>>();
  for (const [from, sends] of sentBy) graph.set(from, new Set(sends.map((sent) => sent.to)));
  const returned = new Map<string, number>();
  const add = (layer: Map<string, Map<number, number>>, to: string, key: number, fen: number) => {
    const traced = layer.get(to) ?? new Map<number, number>();
    traced.set(key, (traced.get(key) ?? 0) + fen);
    layer.set(to, traced);
  };
  for (const loop of loopsOf(graph))
    for (const account of loop) {
      const seeds = (sentBy.get(account) ?? []).filter(
        (sent) => sent.hop < hops && loop.has(sent.to),
      );
      if (!seeds.length) continue;
      let back = 0;
      let layer = new Map<string, Map<number, number>>();
      for (let hop = Math.min(...seeds.map((sent) => sent.hop)); hop < hops; hop += 1) {
        for (const sent of seeds) if (sent.hop === hop) add(layer, sent.to, sent.key, sent.fen);
        const next = new Map<string, Map<number, number>>();
        for (const [at, traced] of layer) {
          if (notWalked(at)) continue;
          for (const { event, tracedFen } of walk(at, traced)) {
            if (event.counterpart === account) back += tracedFen;
            else if (event.counterpart !== null && loop.has(event.counterpart))
              add(next, event.counterpart, event.key!, tracedFen);
          }
        }
        layer = next;
      }
      if (back > 0) returned.set(account, back);
    }
  return returned;
}
