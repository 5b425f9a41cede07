import type { JobType } from './catalog.ts';
import type { ModelCatalog } from './modelCatalog.ts';
import type { Prng } from './Prng.ts';

const PROMPTS = [
  'a lighthouse at dusk',
  'portrait of an astronaut',
  'isometric city block',
  'product shot of a sneaker',
  'watercolor fox',
  'neon street in the rain',
  'logo for a coffee brand',
  'mountain lake at dawn',
];

/** Picks the models a ComfyUI job of this variant loads: Zipf-popular, with companion LoRAs. */
export function pickModels(type: JobType, catalog: ModelCatalog, rng: Prng): number[] {
  if (type.payload !== 'comfy') return [];
  if (type.variant === 'flux' || type.variant === 'video') {
    const unet = catalog.unets[rng.pickCumulative(catalog.unetCdf)] ?? 0;
    const clip = catalog.clips[type.variant === 'flux' ? 0 : 2 + rng.int(2)] ?? 0;
    const vae = catalog.vaes[type.variant === 'flux' ? 1 : 2 + rng.int(2)] ?? 0;
    const picked = [unet, clip, vae];
    if (type.variant === 'flux' && rng.chance(0.4))
      picked.push(catalog.loras[rng.pickCumulative(catalog.loraCdf)] ?? 0);
    return picked;
  }
  const ckptSlot = rng.pickCumulative(catalog.ckptCdf);
  const picked = [catalog.ckpts[ckptSlot] ?? 0];
  const loraCount = rng.chance(0.55) ? 1 + (rng.chance(0.3) ? 1 : 0) : 0;
  for (let i = 0; i < loraCount; i++) {
    const companions = catalog.companions[ckptSlot] ?? [];
    const lora = rng.chance(0.65)
      ? companions[rng.int(companions.length)]
      : catalog.loras[rng.pickCumulative(catalog.loraCdf)];
    if (lora !== undefined && !picked.includes(lora)) picked.push(lora);
  }
  if (rng.chance(0.25)) picked.push(catalog.vaes[0] ?? 0);
  return picked;
}

function name(catalog: ModelCatalog, index: number | undefined): string {
  return index === undefined ? '' : (catalog.models[index]?.name ?? '');
}

/** A ComfyUI API graph: `{node id: {class_type, inputs}}`, small but shaped like the real thing. */
function comfyGraph(type: JobType, models: number[], catalog: ModelCatalog, rng: Prng): Record<string, unknown> {
  const prompt = PROMPTS[rng.int(PROMPTS.length)] ?? '';
  const g: Record<string, unknown> = {};
  const byKind = (kind: string) => models.filter((m) => catalog.models[m]?.kind === kind);
  if (type.variant === 'flux' || type.variant === 'video') {
    g['1'] = {
      class_type: 'UNETLoader',
      inputs: { unet_name: name(catalog, byKind('unet')[0]), weight_dtype: 'default' },
    };
    const clips = byKind('clip');
    g['2'] =
      type.variant === 'flux'
        ? {
            class_type: 'DualCLIPLoader',
            inputs: { clip_name1: name(catalog, clips[0]), clip_name2: 'clip_l.safetensors', type: 'flux' },
          }
        : { class_type: 'CLIPLoader', inputs: { clip_name: name(catalog, clips[0]), type: 'wan' } };
    g['3'] = { class_type: 'VAELoader', inputs: { vae_name: name(catalog, byKind('vae')[0]) } };
  } else {
    g['4'] = { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: name(catalog, byKind('ckpt')[0]) } };
    const vae = byKind('vae')[0];
    if (vae !== undefined) g['3'] = { class_type: 'VAELoader', inputs: { vae_name: name(catalog, vae) } };
  }
  byKind('lora').forEach((lora, i) => {
    g[String(10 + i)] = {
      class_type: 'LoraLoader',
      inputs: { lora_name: name(catalog, lora), strength_model: 0.8, strength_clip: 1 },
    };
  });
  g['6'] = { class_type: 'CLIPTextEncode', inputs: { text: prompt } };
  if (type.variant === 'img2img' || type.variant === 'upscale')
    g['7'] = { class_type: 'LoadImage', inputs: { image: `input_${rng.hex(8)}.png` } };
  if (type.variant === 'upscale')
    g['8'] = { class_type: 'UpscaleModelLoader', inputs: { model_name: '4x-UltraSharp.pth' } };
  g['5'] = {
    class_type: 'KSampler',
    inputs: { seed: rng.u32(), steps: type.variant === 'video' ? 30 : 20, cfg: 7, sampler_name: 'euler' },
  };
  g['9'] =
    type.variant === 'video'
      ? { class_type: 'VHS_VideoCombine', inputs: { frame_rate: 16, format: 'video/h264-mp4' } }
      : { class_type: 'SaveImage', inputs: { filename_prefix: 'emp' } };
  return g;
}

/** The `payload` JSON string emp stores for a step of this type. */
export function buildPayload(type: JobType, models: number[], catalog: ModelCatalog, rng: Prng): string {
  const prompt = PROMPTS[rng.int(PROMPTS.length)] ?? '';
  switch (type.payload) {
    case 'comfy':
      return JSON.stringify({ workflow: comfyGraph(type, models, catalog, rng) });
    case 'a1111':
      return JSON.stringify({
        prompt,
        steps: 25,
        width: 1024,
        height: 1024,
        sampler_name: 'DPM++ 2M',
        ...(type.variant === 'hires' ? { enable_hr: true, hr_scale: 2 } : {}),
      });
    case 'openai_image':
      return JSON.stringify({ model: type.variant, prompt, size: '1024x1024', n: 1 });
    case 'openai_text':
      return JSON.stringify({ model: type.variant, messages: [{ role: 'user', content: prompt }], max_tokens: 512 });
    case 'ollama':
      return JSON.stringify({ model: type.variant, prompt, stream: false });
    case 'simulation':
      return JSON.stringify({ simulation_time: type.medianSec, steps: 10 });
  }
}
