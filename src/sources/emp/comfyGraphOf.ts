import { isRecord } from './parseJsonSafely.ts';

export interface ComfyNode {
  classType: string;
  inputs: Record<string, unknown>;
}

const MAX_NODES = 2000;

/**
 * The nodes of a ComfyUI API graph inside an emp payload: `payload.workflow`, `payload.prompt` or the payload
 * itself, each a map of node id to `{class_type, inputs}`. Anything else yields no nodes.
 */
export function comfyGraphOf(payload: unknown): ComfyNode[] {
  if (!isRecord(payload)) return [];
  const candidates = [payload['workflow'], payload['prompt'], payload];
  for (const graph of candidates) {
    if (!isRecord(graph)) continue;
    const nodes: ComfyNode[] = [];
    for (const value of Object.values(graph)) {
      if (nodes.length >= MAX_NODES) break;
      if (isRecord(value) && typeof value['class_type'] === 'string' && isRecord(value['inputs'])) {
        nodes.push({ classType: value['class_type'], inputs: value['inputs'] });
      }
    }
    if (nodes.length > 0) return nodes;
  }
  return [];
}
