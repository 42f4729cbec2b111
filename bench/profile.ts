import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// A short reading of a V8 .cpuprofile (node --cpu-prof): where the server spent its own time,
// by function and by package.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Time on the CPU (everything but idle), which the shares are of. */
  busyMs: number;
  idleMs: number;
  functions: { name: string; selfMs: number; share: number }[];
  areas: { area: string; selfMs: number; share: number }[];
}

/**
 * The newest main-thread profile in a folder. Files are named CPU.<date>.<time>.<pid>.<thread>.<seq>;
 * thread 0 is the main thread (tsx's module hooks run on a thread of their own, with a profile of their own).
 */
export function newestProfile(dir: string, pid?: number): string | null {
  let newest: { file: string; at: number } | null = null;
  for (const name of readdirSync(dir)) {
    const match = /^CPU\.\d+\.\d+\.(\d+)\.(\d+)\.\d+\.cpuprofile$/.exec(name);
    if (!match || match[2] !== '0' || (pid !== undefined && Number(match[1]) !== pid)) continue;
    const file = join(dir, name);
    const at = statSync(file).mtimeMs;
    if (!newest || at > newest.at) newest = { file, at };
  }
  return newest?.file ?? null;
}

/** Which package or part of the program a script belongs to. */
function areaOf(url: string, root: string): string {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node core';
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
  }
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel.split('/').slice(0, 2).join('/');
}

export function summariseProfile(file: string, root: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let idleUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    totalUs += us;
    const where = url ? `${areaOf(url, root)}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    const area = functionName === '(garbage collector)' ? '(garbage collector)' : areaOf(url, root);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const rank = <K extends string>(m: Map<string, number>, key: K) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([k, us]) => ({ [key]: k, selfMs: Math.round(us / 1000), share: totalUs ? us / totalUs : 0 }) as Record<K, string> & { selfMs: number; share: number },
      );
  return {
    file,
    busyMs: Math.round(totalUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    functions: rank(functions, 'name'),
    areas: rank(areas, 'area'),
  };
}
