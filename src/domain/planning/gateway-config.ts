/**
 * A plan's chosen fallbacks as the configuration of the LLM gateways companies already run:
 * a LiteLLM proxy `config.yaml`, one Portkey fallback config per dependency, and OpenRouter
 * `models` lists. Pure: no secrets are written, only references to them (LiteLLM's
 * `os.environ/NAME`, `{{NAME}}` placeholders for Portkey virtual keys). A target a gateway cannot
 * address is listed as unsupported with its reason, never guessed.
 *
 * Model references follow the catalog: `<provider>/<model>` (e.g. `openai/gpt-4o`,
 * `openrouter/anthropic/claude-sonnet-4`); a bare model id takes its provider from `vendorId`.
 * A self-hosted target is an OpenAI-compatible server (vLLM, SGLang, TGI) at `apiBase`, and its
 * `modelId` is the name the server serves, passed through unchanged.
 */

export interface GatewayModelRef {
  vendorId: string;
  modelId: string;
}

export interface GatewayFallback extends GatewayModelRef {
  selfHosted: boolean;
  /** The provider also serves an OpenAI-compatible API (a generic route where no mapping exists). */
  openAiCompatible?: boolean;
  /** Base URL of the OpenAI-compatible endpoint (e.g. `http://vllm:8000/v1`); self-hosted only. */
  apiBase?: string;
}

export interface GatewayRoute {
  dependencyName: string;
  primary: GatewayModelRef;
  /** In the plan's order of preference. */
  fallbacks: GatewayFallback[];
}

export interface UnsupportedTarget {
  dependencyName: string;
  role: 'primary' | 'fallback';
  vendorId: string;
  modelId: string;
  reason: string;
}

type TargetRef = GatewayModelRef & {
  selfHosted?: boolean;
  apiBase?: string;
  openAiCompatible?: boolean;
};

/** `together-ai` -> `TOGETHER_AI`: the stem of a provider's environment variables. */
function envStem(provider: string): string {
  return provider.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** Splits a catalog model reference into its provider and the provider's model name. */
export function splitModelRef(ref: GatewayModelRef): { provider: string; model: string } {
  const slash = ref.modelId.indexOf('/');
  if (slash > 0) {
    return { provider: ref.modelId.slice(0, slash), model: ref.modelId.slice(slash + 1) };
  }
  return { provider: ref.vendorId, model: ref.modelId };
}

/** Lower-case, dash-separated model-group name; unique names get `-2`, `-3` ... in input order. */
function groupNames(routes: readonly GatewayRoute[]): string[] {
  const used = new Map<string, number>();
  return routes.map((route) => {
    const base =
      route.dependencyName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'dependency';
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

function selfHostedProblem(target: TargetRef): string | null {
  if (!target.apiBase) return 'self-hosted target has no apiBase (OpenAI-compatible endpoint URL)';
  if (!/^https?:\/\/\S+$/.test(target.apiBase)) return 'apiBase must be an http(s) URL';
  return null;
}

function unsupported(
  route: GatewayRoute,
  role: UnsupportedTarget['role'],
  target: TargetRef,
  reason: string,
): UnsupportedTarget {
  return {
    dependencyName: route.dependencyName,
    role,
    vendorId: target.vendorId,
    modelId: target.modelId,
    reason,
  };
}

// ---------------------------------------------------------------------------------------------
// LiteLLM

/** `litellm_params` of a `model_list` entry; values are literal or `os.environ/NAME` references. */
export type LiteLlmParams = { model: string } & Record<string, string>;

export type LiteLlmModelEntry = {
  model_name: string;
  litellm_params: LiteLlmParams;
};

/** The part of LiteLLM's proxy `config.yaml` this module writes (type aliases: YAML-able). */
export type LiteLlmProxyConfig = {
  model_list: LiteLlmModelEntry[];
  router_settings: { fallbacks: Record<string, string[]>[] };
};

export interface LiteLlmExport {
  config: LiteLlmProxyConfig;
  /** `config` as YAML, ready to save as `config.yaml`. */
  yaml: string;
  unsupported: UnsupportedTarget[];
}

interface LiteLlmProvider {
  prefix: string;
  /** Extra `litellm_params`, all environment references. */
  credentials: Record<string, string>;
}

const env = (name: string) => `os.environ/${name}`;

/** Catalog provider id -> LiteLLM provider prefix and the credentials it reads. */
export const LITELLM_PROVIDERS: Readonly<Record<string, LiteLlmProvider>> = {
  openai: { prefix: 'openai', credentials: { api_key: env('OPENAI_API_KEY') } },
  anthropic: { prefix: 'anthropic', credentials: { api_key: env('ANTHROPIC_API_KEY') } },
  mistral: { prefix: 'mistral', credentials: { api_key: env('MISTRAL_API_KEY') } },
  google: { prefix: 'gemini', credentials: { api_key: env('GEMINI_API_KEY') } },
  'google-vertex': {
    prefix: 'vertex_ai',
    credentials: {
      vertex_project: env('VERTEXAI_PROJECT'),
      vertex_location: env('VERTEXAI_LOCATION'),
    },
  },
  'amazon-bedrock': {
    prefix: 'bedrock',
    credentials: {
      aws_access_key_id: env('AWS_ACCESS_KEY_ID'),
      aws_secret_access_key: env('AWS_SECRET_ACCESS_KEY'),
      aws_region_name: env('AWS_REGION_NAME'),
    },
  },
  // The model name after `azure/` is the deployment name, which may differ from the catalog's.
  azure: {
    prefix: 'azure',
    credentials: {
      api_key: env('AZURE_API_KEY'),
      api_base: env('AZURE_API_BASE'),
      api_version: env('AZURE_API_VERSION'),
    },
  },
  groq: { prefix: 'groq', credentials: { api_key: env('GROQ_API_KEY') } },
  togetherai: { prefix: 'together_ai', credentials: { api_key: env('TOGETHERAI_API_KEY') } },
  deepseek: { prefix: 'deepseek', credentials: { api_key: env('DEEPSEEK_API_KEY') } },
  openrouter: { prefix: 'openrouter', credentials: { api_key: env('OPENROUTER_API_KEY') } },
  xai: { prefix: 'xai', credentials: { api_key: env('XAI_API_KEY') } },
  'fireworks-ai': { prefix: 'fireworks_ai', credentials: { api_key: env('FIREWORKS_AI_API_KEY') } },
  deepinfra: { prefix: 'deepinfra', credentials: { api_key: env('DEEPINFRA_API_KEY') } },
  cerebras: { prefix: 'cerebras', credentials: { api_key: env('CEREBRAS_API_KEY') } },
  perplexity: { prefix: 'perplexity', credentials: { api_key: env('PERPLEXITYAI_API_KEY') } },
  nvidia: { prefix: 'nvidia_nim', credentials: { api_key: env('NVIDIA_NIM_API_KEY') } },
};

/** Key LiteLLM sends to self-hosted endpoints; servers without auth ignore it. */
export const SELF_HOSTED_API_KEY_ENV = 'SELF_HOSTED_API_KEY';

function liteLlmParams(target: TargetRef): LiteLlmParams | string {
  if (target.selfHosted) {
    const problem = selfHostedProblem(target);
    if (problem) return problem;
    return {
      model: `openai/${target.modelId}`,
      api_base: target.apiBase as string,
      api_key: env(SELF_HOSTED_API_KEY_ENV),
    };
  }
  const { provider, model } = splitModelRef(target);
  const mapped = Object.hasOwn(LITELLM_PROVIDERS, provider) ? LITELLM_PROVIDERS[provider] : null;
  if (!mapped && target.openAiCompatible === true) {
    // LiteLLM's generic OpenAI-compatible route: the base URL and key come from the environment.
    return {
      model: `openai/${model}`,
      api_base: env(`${envStem(provider)}_API_BASE`),
      api_key: env(`${envStem(provider)}_API_KEY`),
    };
  }
  if (!mapped) return `no LiteLLM provider mapping for "${provider}"`;
  return { model: `${mapped.prefix}/${model}`, ...mapped.credentials };
}

/**
 * LiteLLM proxy config: per dependency a model group named after it (the name applications call)
 * on the primary, one group per fallback (`<group>-fallback-<n>`, n its 1-based place in the
 * plan), and `router_settings.fallbacks` as `[{ "<group>": ["<group>-fallback-1", ...] }]`.
 * A dependency whose primary cannot be mapped gets no group; an unmappable fallback is left out.
 */
export function liteLlmRouterConfig(routes: readonly GatewayRoute[]): LiteLlmExport {
  const names = groupNames(routes);
  const modelList: LiteLlmModelEntry[] = [];
  const fallbacks: Record<string, string[]>[] = [];
  const skipped: UnsupportedTarget[] = [];

  routes.forEach((route, i) => {
    const group = names[i];
    const primary = liteLlmParams(route.primary);
    if (typeof primary === 'string') {
      skipped.push(unsupported(route, 'primary', route.primary, primary));
      for (const f of route.fallbacks) {
        skipped.push(unsupported(route, 'fallback', f, 'the primary is unsupported'));
      }
      return;
    }
    modelList.push({ model_name: group, litellm_params: primary });
    const fallbackGroups: string[] = [];
    route.fallbacks.forEach((fallback, n) => {
      const params = liteLlmParams(fallback);
      if (typeof params === 'string') {
        skipped.push(unsupported(route, 'fallback', fallback, params));
        return;
      }
      const name = `${group}-fallback-${n + 1}`;
      modelList.push({ model_name: name, litellm_params: params });
      fallbackGroups.push(name);
    });
    if (fallbackGroups.length > 0) fallbacks.push({ [group]: fallbackGroups });
  });

  const config: LiteLlmProxyConfig = { model_list: modelList, router_settings: { fallbacks } };
  return { config, yaml: toYaml(config), unsupported: skipped };
}

// ---------------------------------------------------------------------------------------------
// Portkey

export interface PortkeyTarget {
  provider: string;
  /** `{{PORTKEY_VIRTUAL_KEY_<PROVIDER>}}`: a placeholder to replace with the virtual key's slug. */
  virtual_key?: string;
  /** Self-hosted only: the OpenAI-compatible endpoint. */
  custom_host?: string;
  override_params: { model: string };
}

export interface PortkeyConfig {
  strategy: { mode: 'fallback' };
  targets: PortkeyTarget[];
}

export interface PortkeyExport {
  dependencyName: string;
  config: PortkeyConfig;
}

export interface PortkeyExports {
  configs: PortkeyExport[];
  unsupported: UnsupportedTarget[];
}

/** Catalog provider id -> Portkey provider slug. */
export const PORTKEY_PROVIDERS: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  mistral: 'mistral-ai',
  google: 'google',
  'google-vertex': 'vertex-ai',
  'amazon-bedrock': 'bedrock',
  azure: 'azure-openai',
  groq: 'groq',
  togetherai: 'together-ai',
  deepseek: 'deepseek',
  openrouter: 'openrouter',
};

/** The placeholder written in place of a Portkey virtual key for a provider slug. */
export function portkeyVirtualKeyPlaceholder(slug: string): string {
  return `{{PORTKEY_VIRTUAL_KEY_${slug.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}}}`;
}

function portkeyTarget(target: TargetRef): PortkeyTarget | string {
  if (target.selfHosted) {
    const problem = selfHostedProblem(target);
    if (problem) return problem;
    return {
      provider: 'openai',
      custom_host: target.apiBase as string,
      override_params: { model: target.modelId },
    };
  }
  const { provider, model } = splitModelRef(target);
  const slug = Object.hasOwn(PORTKEY_PROVIDERS, provider) ? PORTKEY_PROVIDERS[provider] : null;
  if (!slug) return `no Portkey provider mapping for "${provider}"`;
  return {
    provider: slug,
    virtual_key: portkeyVirtualKeyPlaceholder(slug),
    override_params: { model },
  };
}

/**
 * One Portkey config per dependency: `strategy.mode = 'fallback'`, `targets` the primary then the
 * fallbacks in the plan's order. Same skipping rules as LiteLLM.
 */
export function portkeyFallbackConfig(routes: readonly GatewayRoute[]): PortkeyExports {
  const configs: PortkeyExport[] = [];
  const skipped: UnsupportedTarget[] = [];
  for (const route of routes) {
    const primary = portkeyTarget(route.primary);
    if (typeof primary === 'string') {
      skipped.push(unsupported(route, 'primary', route.primary, primary));
      for (const f of route.fallbacks) {
        skipped.push(unsupported(route, 'fallback', f, 'the primary is unsupported'));
      }
      continue;
    }
    const targets = [primary];
    for (const fallback of route.fallbacks) {
      const target = portkeyTarget(fallback);
      if (typeof target === 'string')
        skipped.push(unsupported(route, 'fallback', fallback, target));
      else targets.push(target);
    }
    configs.push({
      dependencyName: route.dependencyName,
      config: { strategy: { mode: 'fallback' }, targets },
    });
  }
  return { configs, unsupported: skipped };
}

// ---------------------------------------------------------------------------------------------
// OpenRouter

/**
 * Catalog provider id -> OpenRouter author prefix. The model part is the provider's own id,
 * which OpenRouter sometimes names differently (dated Anthropic ids, for one): such slugs are
 * marked `derived` to check on openrouter.ai/models. Ids already under `openrouter/` are exact.
 */
export const OPENROUTER_AUTHORS: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  mistral: 'mistralai',
  deepseek: 'deepseek',
  xai: 'x-ai',
};

export interface OpenRouterModel {
  slug: string;
  /** `catalog`: the catalog's OpenRouter id; `derived`: author prefix + the provider's model id. */
  source: 'catalog' | 'derived';
}

export interface OpenRouterExport {
  dependencyName: string;
  /** The request body fragment: `{ models: [primary, ...fallbacks] }`. */
  request: { models: string[] };
  models: OpenRouterModel[];
}

export interface OpenRouterExports {
  lists: OpenRouterExport[];
  unsupported: UnsupportedTarget[];
}

function openRouterModel(target: TargetRef): OpenRouterModel | string {
  if (target.selfHosted) return 'self-hosted models are not reachable through OpenRouter';
  const { provider, model } = splitModelRef(target);
  if (provider === 'openrouter') {
    return model.includes('/')
      ? { slug: model, source: 'catalog' }
      : `OpenRouter id "${model}" has no author prefix`;
  }
  const author = Object.hasOwn(OPENROUTER_AUTHORS, provider) ? OPENROUTER_AUTHORS[provider] : null;
  if (!author) return `no OpenRouter author for provider "${provider}"`;
  return { slug: `${author}/${model}`, source: 'derived' };
}

/**
 * Per dependency, OpenRouter's `models` fallback list: the primary then the fallbacks in
 * `author/model` naming. A dependency whose primary has no OpenRouter slug gets no list (a list
 * without it would send primary traffic to a fallback); other targets without one are skipped.
 */
export function openRouterModelsList(routes: readonly GatewayRoute[]): OpenRouterExports {
  const lists: OpenRouterExport[] = [];
  const skipped: UnsupportedTarget[] = [];
  for (const route of routes) {
    const primary = openRouterModel(route.primary);
    if (typeof primary === 'string') {
      skipped.push(unsupported(route, 'primary', route.primary, primary));
      for (const f of route.fallbacks) {
        skipped.push(unsupported(route, 'fallback', f, 'the primary is unsupported'));
      }
      continue;
    }
    const models = [primary];
    for (const fallback of route.fallbacks) {
      const model = openRouterModel(fallback);
      if (typeof model === 'string') skipped.push(unsupported(route, 'fallback', fallback, model));
      else if (!models.some((m) => m.slug === model.slug)) models.push(model);
    }
    lists.push({
      dependencyName: route.dependencyName,
      request: { models: models.map((m) => m.slug) },
      models,
    });
  }
  return { lists, unsupported: skipped };
}

// ---------------------------------------------------------------------------------------------
// YAML

/** A JSON-like value: what `toYaml` accepts. */
export type YamlValue =
  | string
  | number
  | boolean
  | null
  | readonly YamlValue[]
  | { readonly [key: string]: YamlValue | undefined };

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Words YAML 1.1 readers (PyYAML, which LiteLLM uses) take for booleans or null. */
const RESERVED_KEY = /^(y|yes|n|no|true|false|on|off|null)$/i;

function yamlKey(key: string): string {
  return PLAIN_KEY.test(key) && !RESERVED_KEY.test(key) ? key : JSON.stringify(key);
}

/** Inline form of a scalar or an empty collection; null for a block collection. */
function yamlInline(value: YamlValue): string | null {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('toYaml: numbers must be finite');
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : null;
  return Object.values(value).some((v) => v !== undefined) ? null : '{}';
}

function yamlBlock(value: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value as readonly YamlValue[]) {
      const inline = yamlInline(item);
      if (inline !== null) {
        lines.push(`${pad}- ${inline}`);
        continue;
      }
      const nested = yamlBlock(item, indent + 2);
      lines.push(`${pad}- ${nested[0].slice(indent + 2)}`, ...nested.slice(1));
    }
    return lines;
  }
  for (const [key, item] of Object.entries(value as Record<string, YamlValue | undefined>)) {
    if (item === undefined) continue;
    const inline = yamlInline(item);
    if (inline !== null) lines.push(`${pad}${yamlKey(key)}: ${inline}`);
    else lines.push(`${pad}${yamlKey(key)}:`, ...yamlBlock(item, indent + 2));
  }
  return lines;
}

/**
 * Block-style YAML for a JSON-like value. Every string is written as a JSON string literal, which
 * YAML 1.2 reads as a double-quoted scalar with the same escapes, so no value is ever
 * reinterpreted (`yes`, `1e3`, `null`, `os.environ/X` stay strings); keys outside
 * `[A-Za-z_][A-Za-z0-9_-]*`, or that YAML 1.1 reads as booleans or null, are quoted the same way. `undefined` members are dropped, as in JSON.
 */
export function toYaml(value: YamlValue): string {
  const inline = yamlInline(value);
  if (inline !== null) return `${inline}\n`;
  return `${yamlBlock(value, 0).join('\n')}\n`;
}
