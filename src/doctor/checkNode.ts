import type { DoctorCheck } from './DoctorCheck.ts';

export const minimumNode = [22, 18] as const;

export function checkNode(version: string = process.versions.node): DoctorCheck {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const ok = major > minimumNode[0] || (major === minimumNode[0] && minor >= minimumNode[1]);
  return {
    name: 'node',
    ok,
    detail: `Node ${version} (needs >= ${minimumNode.join('.')})`,
    ...(ok
      ? {}
      : {
          fix: 'Install Node 24 LTS, or: npm install --prefix ~/.cache/almanac-node node@24 and put ~/.cache/almanac-node/node_modules/.bin first on PATH.',
        }),
  };
}
