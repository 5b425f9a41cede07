import type { ComfyNode } from './comfyGraphOf.ts';
import { isRecord } from './parseJsonSafely.ts';

const SAFE_MODEL = /^[A-Za-z0-9._:\-/]{1,60}$/;

/** What kind of ComfyUI work a graph does, from the node classes it contains. */
function comfyVariant(nodes: readonly ComfyNode[]): string {
  const has = (...classTypes: string[]) => nodes.some((n) => classTypes.includes(n.classType));
  if (has('VHS_VideoCombine', 'SaveAnimatedWEBP', 'SaveVideo')) return 'video';
  if (has('UpscaleModelLoader', 'ImageUpscaleWithModel')) return 'upscale';
  if (has('UNETLoader')) return 'flux';
  if (has('LoadImage')) return 'img2img';
  return 'txt2img';
}

function a1111Variant(payload: Record<string, unknown>): string {
  if (Array.isArray(payload['init_images'])) return 'img2img';
  if (payload['enable_hr'] === true) return 'hires';
  return 'txt2img';
}

/**
 * The job type emp does not store: the service, plus the variant its payload reveals. Analyses group run times by
 * this name, so it must be stable and never contain free text from the payload.
 */
export function jobNameOf(service: string, payload: unknown, nodes: readonly ComfyNode[]): string {
  if (nodes.length > 0) return `${service}:${comfyVariant(nodes)}`;
  if (!isRecord(payload)) return service;
  if (service === 'a1111') return `${service}:${a1111Variant(payload)}`;
  const model = payload['model'];
  if (typeof model === 'string' && SAFE_MODEL.test(model)) return `${service}:${model}`;
  return service;
}
