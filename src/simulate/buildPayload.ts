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

function node(id: number, classType: string, inputs: string): string {
  return `"${id}":{"class_type":"${classType}","inputs":{${inputs}}}`;
}

/**
 * A ComfyUI API graph `{node id: {class_type, inputs}}`, small but shaped like the real thing. Built as a string
 * (names and prompts are JSON-quoted) because a million JSON.stringify calls over nested objects dominate the
 * simulator's time.
 */
function comfyGraph(type: JobType, models: number[], catalog: ModelCatalog, rng: Prng): string {
  const prompt = PROMPTS[rng.int(PROMPTS.length)] ?? '';
  let unet = '';
  let clip = '';
  let vae = '';
  let ckpt = '';
  const loras: string[] = [];
  for (const m of models) {
    const model = catalog.models[m];
    if (model === undefined) continue;
    const quoted = JSON.stringify(model.name);
    if (model.kind === 'unet') unet = quoted;
    else if (model.kind === 'clip') clip = quoted;
    else if (model.kind === 'vae') vae = quoted;
    else if (model.kind === 'ckpt') ckpt = quoted;
    else loras.push(quoted);
  }
  const nodes: string[] = [];
  if (type.variant === 'flux' || type.variant === 'video') {
    nodes.push(node(1, 'UNETLoader', `"unet_name":${unet},"weight_dtype":"default"`));
    nodes.push(
      type.variant === 'flux'
        ? node(2, 'DualCLIPLoader', `"clip_name1":${clip},"clip_name2":"clip_l.safetensors","type":"flux"`)
        : node(2, 'CLIPLoader', `"clip_name":${clip},"type":"wan"`),
    );
  }
  if (vae !== '') nodes.push(node(3, 'VAELoader', `"vae_name":${vae}`));
  if (ckpt !== '') nodes.push(node(4, 'CheckpointLoaderSimple', `"ckpt_name":${ckpt}`));
  const steps = type.variant === 'video' ? 30 : 20;
  nodes.push(node(5, 'KSampler', `"seed":${rng.u32()},"steps":${steps},"cfg":7,"sampler_name":"euler"`));
  nodes.push(node(6, 'CLIPTextEncode', `"text":${JSON.stringify(prompt)}`));
  if (type.variant === 'img2img' || type.variant === 'upscale') {
    nodes.push(node(7, 'LoadImage', `"image":"input_${rng.hex(8)}.png"`));
  }
  if (type.variant === 'upscale') nodes.push(node(8, 'UpscaleModelLoader', '"model_name":"4x-UltraSharp.pth"'));
  nodes.push(
    type.variant === 'video'
      ? node(9, 'VHS_VideoCombine', '"frame_rate":16,"format":"video/h264-mp4"')
      : node(9, 'SaveImage', '"filename_prefix":"emp"'),
  );
  loras.forEach((lora, k) =>
    nodes.push(node(10 + k, 'LoraLoader', `"lora_name":${lora},"strength_model":0.8,"strength_clip":1`)),
  );
  return `{${nodes.join(',')}}`;
}

/** The `payload` JSON string emp stores for a step of this type. */
export function buildPayload(type: JobType, models: number[], catalog: ModelCatalog, rng: Prng): string {
  const prompt = PROMPTS[rng.int(PROMPTS.length)] ?? '';
  switch (type.payload) {
    case 'comfy':
      return `{"workflow":${comfyGraph(type, models, catalog, rng)}}`;
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
