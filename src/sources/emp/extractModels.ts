import type { ComfyNode } from './comfyGraphOf.ts';

/** ComfyUI loader inputs that name a model file (DualCLIPLoader uses clip_name1, clip_name2). */
const MODEL_INPUT = /^(ckpt_name|lora_name|vae_name|unet_name|clip_name\d?)$/;
const MAX_MODEL_CHARS = 200;

/** The distinct model files a ComfyUI graph loads, sorted, so equal graphs give equal lists. */
export function extractModels(nodes: readonly ComfyNode[]): string[] {
  const found = new Set<string>();
  for (const node of nodes) {
    const inputs = node.inputs;
    // for-in rather than Object.entries: no array per node, for every job of a catch-up.
    for (const input in inputs) {
      const value = inputs[input];
      if (typeof value === 'string' && value !== '' && value.length <= MAX_MODEL_CHARS && MODEL_INPUT.test(input)) {
        found.add(value);
      }
    }
  }
  return [...found].sort();
}
