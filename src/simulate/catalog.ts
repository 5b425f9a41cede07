/**
 * The fleet's fixed vocabulary: worker types and the services they serve, job types with their run-time
 * distributions, and the failure taxonomy (redis-emp.md §5). Numbers are chosen so the pool mix looks like a real
 * generative-AI fleet: most jobs under 30 s, a good share between 30 s and 3 min, a tail beyond.
 */

export type WorkerType = 'comfyui' | 'a1111' | 'openai' | 'ollama' | 'simulation';

export const SERVICES_OF: Record<WorkerType, readonly string[]> = {
  comfyui: ['comfyui'],
  a1111: ['a1111'],
  openai: ['openai_text', 'openai_image'],
  ollama: ['ollama'],
  simulation: ['simulation'],
};

export type PayloadKind = 'comfy' | 'a1111' | 'openai_text' | 'openai_image' | 'ollama' | 'simulation';

export interface JobType {
  service: string;
  variant: string;
  payload: PayloadKind;
  /** Share of submitted steps. */
  share: number;
  medianSec: number;
  sigma: number;
  /** Per-attempt failure probability before machine and incident factors. */
  failRate: number;
  /** Runs on GPUs, so GPU speed and contention matter. */
  gpu: boolean;
  /** Needs a GPU with at least this much memory (GB), or 0. */
  minGpuMemory: number;
  /** Which failure modes this job type draws from. */
  failureSet: 'gpu' | 'api' | 'sim';
}

export const JOB_TYPES: readonly JobType[] = [
  {
    service: 'comfyui',
    variant: 'txt2img',
    payload: 'comfy',
    share: 0.26,
    medianSec: 9,
    sigma: 0.45,
    failRate: 0.02,
    gpu: true,
    minGpuMemory: 0,
    failureSet: 'gpu',
  },
  {
    service: 'comfyui',
    variant: 'img2img',
    payload: 'comfy',
    share: 0.1,
    medianSec: 11,
    sigma: 0.45,
    failRate: 0.02,
    gpu: true,
    minGpuMemory: 0,
    failureSet: 'gpu',
  },
  {
    service: 'comfyui',
    variant: 'upscale',
    payload: 'comfy',
    share: 0.06,
    medianSec: 38,
    sigma: 0.5,
    failRate: 0.025,
    gpu: true,
    minGpuMemory: 0,
    failureSet: 'gpu',
  },
  {
    service: 'comfyui',
    variant: 'flux',
    payload: 'comfy',
    share: 0.08,
    medianSec: 42,
    sigma: 0.45,
    failRate: 0.03,
    gpu: true,
    minGpuMemory: 40,
    failureSet: 'gpu',
  },
  {
    service: 'comfyui',
    variant: 'video',
    payload: 'comfy',
    share: 0.05,
    medianSec: 260,
    sigma: 0.55,
    failRate: 0.0625,
    gpu: true,
    minGpuMemory: 40,
    failureSet: 'gpu',
  },
  {
    service: 'a1111',
    variant: 'txt2img',
    payload: 'a1111',
    share: 0.05,
    medianSec: 8,
    sigma: 0.45,
    failRate: 0.02,
    gpu: true,
    minGpuMemory: 0,
    failureSet: 'gpu',
  },
  {
    service: 'a1111',
    variant: 'hires',
    payload: 'a1111',
    share: 0.02,
    medianSec: 70,
    sigma: 0.45,
    failRate: 0.03,
    gpu: true,
    minGpuMemory: 0,
    failureSet: 'gpu',
  },
  {
    service: 'openai_image',
    variant: 'dall-e-3',
    payload: 'openai_image',
    share: 0.06,
    medianSec: 15,
    sigma: 0.35,
    failRate: 0.03,
    gpu: false,
    minGpuMemory: 0,
    failureSet: 'api',
  },
  {
    service: 'openai_image',
    variant: 'gpt-image-1',
    payload: 'openai_image',
    share: 0.04,
    medianSec: 45,
    sigma: 0.4,
    failRate: 0.03,
    gpu: false,
    minGpuMemory: 0,
    failureSet: 'api',
  },
  {
    service: 'openai_text',
    variant: 'gpt-4o-mini',
    payload: 'openai_text',
    share: 0.1,
    medianSec: 3.5,
    sigma: 0.7,
    failRate: 0.015,
    gpu: false,
    minGpuMemory: 0,
    failureSet: 'api',
  },
  {
    service: 'openai_text',
    variant: 'gpt-4o',
    payload: 'openai_text',
    share: 0.06,
    medianSec: 9,
    sigma: 0.6,
    failRate: 0.015,
    gpu: false,
    minGpuMemory: 0,
    failureSet: 'api',
  },
  {
    service: 'ollama',
    variant: 'llama3.1:8b',
    payload: 'ollama',
    share: 0.05,
    medianSec: 5,
    sigma: 0.6,
    failRate: 0.015,
    gpu: true,
    minGpuMemory: 0,
    failureSet: 'gpu',
  },
  {
    service: 'ollama',
    variant: 'llama3.1:70b',
    payload: 'ollama',
    share: 0.02,
    medianSec: 55,
    sigma: 0.5,
    failRate: 0.025,
    gpu: true,
    minGpuMemory: 40,
    failureSet: 'gpu',
  },
  {
    service: 'simulation',
    variant: 'simulation',
    payload: 'simulation',
    share: 0.05,
    medianSec: 4,
    sigma: 0.3,
    failRate: 0.01,
    gpu: false,
    minGpuMemory: 0,
    failureSet: 'sim',
  },
];

/** Likely next steps of a multi-step workflow, by job type index. */
export const NEXT_STEP: Readonly<Record<number, readonly number[]>> = {
  0: [2, 1, 4],
  1: [2],
  3: [2, 4],
  5: [6],
  9: [7, 8, 0],
  10: [7, 3],
  11: [0, 3],
  12: [7],
};

export interface FailureMode {
  type: string;
  reason: string;
  message: string;
  retryable: boolean;
  weight: number;
}

export const FAILURE_MODES: Record<JobType['failureSet'], readonly FailureMode[]> = {
  gpu: [
    {
      type: 'resource_limit',
      reason: 'out_of_memory',
      message: 'CUDA out of memory. Tried to allocate 2.50 GiB',
      retryable: true,
      weight: 30,
    },
    {
      type: 'resource_limit',
      reason: 'gpu_memory_full',
      message: 'GPU memory full while loading model',
      retryable: true,
      weight: 10,
    },
    {
      type: 'service_error',
      reason: 'service_unavailable',
      message: 'ComfyUI websocket closed unexpectedly',
      retryable: true,
      weight: 15,
    },
    {
      type: 'validation_error',
      reason: 'invalid_input',
      message: 'Invalid workflow: required input is missing',
      retryable: false,
      weight: 8,
    },
    {
      type: 'network_error',
      reason: 'connection_reset',
      message: 'ECONNRESET while uploading output',
      retryable: true,
      weight: 10,
    },
    {
      type: 'system_error',
      reason: 'unknown_error',
      message: 'Worker process exited unexpectedly',
      retryable: true,
      weight: 10,
    },
    {
      type: 'generation_refusal',
      reason: 'nsfw_content',
      message: 'NSFW content detected in output',
      retryable: false,
      weight: 5,
    },
  ],
  api: [
    {
      type: 'generation_refusal',
      reason: 'nsfw_content',
      message: 'Your request was rejected as a result of our safety system.',
      retryable: false,
      weight: 30,
    },
    {
      type: 'rate_limit',
      reason: 'requests_per_minute',
      message: 'Rate limit reached for requests per minute',
      retryable: true,
      weight: 25,
    },
    {
      type: 'network_error',
      reason: 'connection_timeout',
      message: 'Request to api.openai.com timed out',
      retryable: true,
      weight: 12,
    },
    {
      type: 'response_error',
      reason: 'invalid_response',
      message: 'Unexpected response format from provider',
      retryable: true,
      weight: 10,
    },
    {
      type: 'auth_error',
      reason: 'invalid_api_key',
      message: 'Incorrect API key provided',
      retryable: false,
      weight: 3,
    },
    {
      type: 'service_error',
      reason: 'service_unavailable',
      message: 'The server had an error while processing your request',
      retryable: true,
      weight: 20,
    },
  ],
  sim: [{ type: 'system_error', reason: 'unknown_error', message: 'Simulated failure', retryable: true, weight: 1 }],
};

export const TIMEOUT_FAILURE: FailureMode = {
  type: 'timeout',
  reason: 'job_timeout',
  message: 'Job timeout after 30 minutes',
  retryable: true,
  weight: 0,
};

export const DOWNLOAD_FAILURE: FailureMode = {
  type: 'service_error',
  reason: 'model_not_found',
  message: 'Model download failed',
  retryable: true,
  weight: 0,
};

/** Incidents push failures toward these (the fleet's usual bad-day signature). */
export const INCIDENT_FAILURES: readonly FailureMode[] = [
  // The classifier treats a second OOM on a degraded node as permanent, which is what makes incident days visible.
  {
    type: 'resource_limit',
    reason: 'out_of_memory',
    message: 'CUDA out of memory. Tried to allocate 4.00 GiB',
    retryable: false,
    weight: 5,
  },
  {
    type: 'network_error',
    reason: 'connection_reset',
    message: 'ECONNRESET while uploading output',
    retryable: true,
    weight: 3,
  },
  { type: 'timeout', reason: 'job_timeout', message: 'Job timeout after 30 minutes', retryable: true, weight: 2 },
];

export const JOB_TIMEOUT_MS = 30 * 60_000;

export interface GpuModel {
  name: string;
  memoryGb: number;
  /** Run-time factor for GPU work (lower is faster). */
  speed: number;
  counts: readonly number[];
  weight: number;
}

export const GPU_MODELS: readonly GpuModel[] = [
  { name: 'RTX 4090', memoryGb: 24, speed: 1.0, counts: [1, 1, 2, 4], weight: 35 },
  { name: 'RTX 3090', memoryGb: 24, speed: 1.3, counts: [1, 2], weight: 10 },
  { name: 'L40S', memoryGb: 48, speed: 0.85, counts: [1, 2, 4, 8], weight: 25 },
  { name: 'A100', memoryGb: 80, speed: 0.7, counts: [1, 2, 4, 8], weight: 18 },
  { name: 'H100', memoryGb: 80, speed: 0.5, counts: [1, 2, 4, 8], weight: 12 },
];
