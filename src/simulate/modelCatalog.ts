import { cumulative, Prng, zipfWeights } from './Prng.ts';

export type ModelKind = 'ckpt' | 'lora' | 'vae' | 'unet' | 'clip';

export interface Model {
  index: number;
  kind: ModelKind;
  name: string;
  bytes: number;
}

export interface ModelCatalog {
  models: Model[];
  ckpts: number[];
  loras: number[];
  vaes: number[];
  unets: number[];
  clips: number[];
  /** Cumulative Zipf weights per kind list, for Prng.pickCumulative. */
  ckptCdf: number[];
  loraCdf: number[];
  unetCdf: number[];
  /** Each checkpoint's companion LoRAs: the models that get used together. */
  companions: number[][];
}

const CKPT_FAMILIES = [
  'sdxl_base',
  'juggernautXL',
  'realvisXL',
  'dreamshaperXL',
  'ponyDiffusion',
  'animagineXL',
  'epicrealismXL',
  'copaxTimeless',
];
const LORA_STYLES = [
  'watercolor',
  'pixel_art',
  'film_grain',
  'neon_noir',
  'claymation',
  'ukiyo_e',
  'lineart',
  'cinematic',
  'low_poly',
  'vaporwave',
  'sketch',
  'isometric',
  'product_shot',
  'portrait_pro',
  'logo_flat',
  'fantasy_map',
];
const UNETS = [
  'flux1-dev.safetensors',
  'flux1-schnell.safetensors',
  'wan2.1_t2v_14B_fp16.safetensors',
  'hunyuan_video_t2v_720p_bf16.safetensors',
  'flux1-fill-dev.safetensors',
  'ltx-video-2b-v0.9.safetensors',
];
const CLIPS = [
  't5xxl_fp16.safetensors',
  'clip_l.safetensors',
  'umt5_xxl_fp8_e4m3fn_scaled.safetensors',
  'llava_llama3_fp8_scaled.safetensors',
  't5xxl_fp8_e4m3fn.safetensors',
];
const VAES = [
  'sdxl_vae.safetensors',
  'ae.safetensors',
  'wan_2.1_vae.safetensors',
  'hunyuan_video_vae_bf16.safetensors',
];

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** The models a fleet of this kind loads: names, sizes, Zipf popularity and co-usage, all fixed by the seed. */
export function buildModelCatalog(seed: number): ModelCatalog {
  const rng = Prng.derive(seed, 0x30de1);
  const models: Model[] = [];
  const add = (kind: ModelKind, name: string, bytes: number): number => {
    models.push({ index: models.length, kind, name, bytes: Math.round(bytes) });
    return models.length - 1;
  };
  const ckpts: number[] = [];
  for (let i = 0; i < 40; i++) {
    const family = CKPT_FAMILIES[i % CKPT_FAMILIES.length] ?? 'sdxl_base';
    ckpts.push(add('ckpt', `${family}_v${1 + Math.floor(i / CKPT_FAMILIES.length)}.safetensors`, rng.range(2, 7) * GB));
  }
  const loras: number[] = [];
  for (let i = 0; i < 80; i++) {
    const style = LORA_STYLES[i % LORA_STYLES.length] ?? 'style';
    loras.push(
      add('lora', `${style}_xl_v${1 + Math.floor(i / LORA_STYLES.length)}.safetensors`, rng.range(20, 400) * MB),
    );
  }
  const vaes = VAES.map((n) => add('vae', n, rng.range(160, 340) * MB));
  const unets = UNETS.map((n) => add('unet', n, rng.range(11, 28) * GB));
  const clips = CLIPS.map((n) => add('clip', n, rng.range(0.25, 9) * GB));
  const companions = ckpts.map(() => [0, 1, 2].map(() => loras[rng.int(loras.length)] ?? 0));
  return {
    models,
    ckpts,
    loras,
    vaes,
    unets,
    clips,
    ckptCdf: cumulative(zipfWeights(ckpts.length, 1.1)),
    loraCdf: cumulative(zipfWeights(loras.length, 1.0)),
    unetCdf: cumulative(zipfWeights(unets.length, 1.2)),
    companions,
  };
}
