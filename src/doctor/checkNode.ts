import type { DoctorCheck } from './DoctorCheck.ts';

export const minimumNode = [22, 18] as const;

/**
 * The running Node, and the young generation size it was started with: src/cli/almanac.mjs restarts itself with
 * one unless a size was given, so a collector's peak memory does not depend on how much RAM the host has.
 */
export function checkNode(
  version: string = process.versions.node,
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env['NODE_OPTIONS'],
): DoctorCheck {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const ok = major > minimumNode[0] || (major === minimumNode[0] && minor >= minimumNode[1]);
  // Node reads NODE_OPTIONS first, so a flag on the command line wins.
  const options = [...(nodeOptions ?? '').split(/\s+/), ...execArgv];
  const young = options.filter((o) => o.startsWith('--max-semi-space-size'));
  return {
    name: 'node',
    ok,
    detail: `Node ${version} (needs >= ${minimumNode.join('.')}), young generation ${young.at(-1) ?? 'sized by V8'}`,
    ...(ok
      ? {}
      : {
          fix: 'Install Node 24 LTS, or: npm install --prefix ~/.cache/almanac-node node@24 and put ~/.cache/almanac-node/node_modules/.bin first on PATH.',
        }),
  };
}
