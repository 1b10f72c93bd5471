import fc from 'fast-check';
// Test-only round-trip check against a real YAML parser (present through @nestjs/swagger).
import { load } from 'js-yaml';
import {
  liteLlmRouterConfig,
  openRouterModelsList,
  portkeyFallbackConfig,
  portkeyVirtualKeyPlaceholder,
  splitModelRef,
  toYaml,
  type GatewayRoute,
  type YamlValue,
} from './gateway-config';

const plan: GatewayRoute[] = [
  {
    dependencyName: 'Claims triage',
    primary: { vendorId: 'openai', modelId: 'openai/gpt-4o' },
    fallbacks: [
      { vendorId: 'anthropic', modelId: 'anthropic/claude-sonnet-4-20250514', selfHosted: false },
      {
        vendorId: 'self-hosted',
        modelId: 'meta-llama/Llama-3.3-70B-Instruct',
        selfHosted: true,
        apiBase: 'http://vllm.internal:8000/v1',
      },
    ],
  },
  {
    dependencyName: 'Support bot',
    primary: { vendorId: 'mistral', modelId: 'mistral-large-latest' },
    fallbacks: [
      { vendorId: 'google-vertex', modelId: 'google-vertex/gemini-2.5-pro', selfHosted: false },
      { vendorId: 'cloudflare-workers-ai', modelId: 'cloudflare-workers-ai/x', selfHosted: false },
    ],
  },
  {
    dependencyName: 'Legacy search',
    primary: { vendorId: 'github-models', modelId: 'github-models/some-model' },
    fallbacks: [{ vendorId: 'openai', modelId: 'openai/gpt-4o-mini', selfHosted: false }],
  },
];

describe('splitModelRef', () => {
  it.each([
    [{ vendorId: 'openai', modelId: 'openai/gpt-4o' }, 'openai', 'gpt-4o'],
    [{ vendorId: 'mistral', modelId: 'mistral-large' }, 'mistral', 'mistral-large'],
    [
      { vendorId: 'openrouter', modelId: 'openrouter/anthropic/claude-sonnet-4' },
      'openrouter',
      'anthropic/claude-sonnet-4',
    ],
  ])('%p -> %p / %p', (ref, provider, model) => {
    expect(splitModelRef(ref)).toEqual({ provider, model });
  });
});

describe('liteLlmRouterConfig', () => {
  const { config, yaml, unsupported } = liteLlmRouterConfig(plan);

  it('writes a model group per dependency and per fallback, with provider prefixes', () => {
    expect(config.model_list).toEqual([
      {
        model_name: 'claims-triage',
        litellm_params: { model: 'openai/gpt-4o', api_key: 'os.environ/OPENAI_API_KEY' },
      },
      {
        model_name: 'claims-triage-fallback-1',
        litellm_params: {
          model: 'anthropic/claude-sonnet-4-20250514',
          api_key: 'os.environ/ANTHROPIC_API_KEY',
        },
      },
      {
        model_name: 'claims-triage-fallback-2',
        litellm_params: {
          model: 'openai/meta-llama/Llama-3.3-70B-Instruct',
          api_base: 'http://vllm.internal:8000/v1',
          api_key: 'os.environ/SELF_HOSTED_API_KEY',
        },
      },
      {
        model_name: 'support-bot',
        litellm_params: {
          model: 'mistral/mistral-large-latest',
          api_key: 'os.environ/MISTRAL_API_KEY',
        },
      },
      {
        model_name: 'support-bot-fallback-1',
        litellm_params: {
          model: 'vertex_ai/gemini-2.5-pro',
          vertex_project: 'os.environ/VERTEXAI_PROJECT',
          vertex_location: 'os.environ/VERTEXAI_LOCATION',
        },
      },
    ]);
  });

  it('chains the fallbacks in the plan order', () => {
    expect(config.router_settings.fallbacks).toEqual([
      { 'claims-triage': ['claims-triage-fallback-1', 'claims-triage-fallback-2'] },
      { 'support-bot': ['support-bot-fallback-1'] },
    ]);
  });

  it('lists unknown providers as unsupported with a reason', () => {
    expect(unsupported).toEqual([
      {
        dependencyName: 'Support bot',
        role: 'fallback',
        vendorId: 'cloudflare-workers-ai',
        modelId: 'cloudflare-workers-ai/x',
        reason: 'no LiteLLM provider mapping for "cloudflare-workers-ai"',
      },
      expect.objectContaining({ dependencyName: 'Legacy search', role: 'primary' }),
      expect.objectContaining({
        dependencyName: 'Legacy search',
        role: 'fallback',
        reason: 'the primary is unsupported',
      }),
    ]);
    expect(config.model_list.some((m) => m.model_name.startsWith('legacy'))).toBe(false);
  });

  it('maps the common catalog providers', () => {
    const route = (modelId: string): GatewayRoute => ({
      dependencyName: 'x',
      primary: { vendorId: 'v', modelId },
      fallbacks: [],
    });
    const model = (modelId: string) =>
      liteLlmRouterConfig([route(modelId)]).config.model_list[0]?.litellm_params.model;
    expect(model('google/gemini-2.5-flash')).toBe('gemini/gemini-2.5-flash');
    expect(model('amazon-bedrock/anthropic.claude-3-5-haiku-20241022-v1:0')).toBe(
      'bedrock/anthropic.claude-3-5-haiku-20241022-v1:0',
    );
    expect(model('azure/gpt-4o')).toBe('azure/gpt-4o');
    expect(model('groq/llama-3.3-70b-versatile')).toBe('groq/llama-3.3-70b-versatile');
    expect(model('togetherai/x')).toBe('together_ai/x');
    expect(model('deepseek/deepseek-chat')).toBe('deepseek/deepseek-chat');
    expect(model('openrouter/anthropic/claude-sonnet-4')).toBe(
      'openrouter/anthropic/claude-sonnet-4',
    );
    expect(model('toString/x')).toBeUndefined();
  });

  it('routes an unmapped OpenAI-compatible provider through the generic openai/ route', () => {
    const { config, unsupported } = liteLlmRouterConfig([
      {
        dependencyName: 'Chat',
        primary: { vendorId: 'openai', modelId: 'openai/gpt-4o' },
        fallbacks: [
          {
            vendorId: 'baseten',
            modelId: 'baseten/moonshotai/Kimi-K2-Instruct',
            selfHosted: false,
            openAiCompatible: true,
          },
          { vendorId: 'chutes', modelId: 'chutes/zai-org/GLM-4.5', selfHosted: false },
        ],
      },
    ]);
    expect(config.model_list[1].litellm_params).toEqual({
      model: 'openai/moonshotai/Kimi-K2-Instruct',
      api_base: 'os.environ/BASETEN_API_BASE',
      api_key: 'os.environ/BASETEN_API_KEY',
    });
    // Without the flag it stays unsupported rather than guessed.
    expect(unsupported.map((u) => u.vendorId)).toEqual(['chutes']);
  });

  it('refuses a self-hosted fallback without an api base', () => {
    const result = liteLlmRouterConfig([
      {
        dependencyName: 'a',
        primary: { vendorId: 'openai', modelId: 'openai/gpt-4o' },
        fallbacks: [{ vendorId: 'self-hosted', modelId: 'qwen3-32b', selfHosted: true }],
      },
    ]);
    expect(result.config.model_list).toHaveLength(1);
    expect(result.config.router_settings.fallbacks).toEqual([]);
    expect(result.unsupported[0].reason).toMatch(/no apiBase/);
  });

  it('keeps group names unique', () => {
    const route = (name: string): GatewayRoute => ({
      dependencyName: name,
      primary: { vendorId: 'openai', modelId: 'openai/gpt-4o' },
      fallbacks: [],
    });
    const names = liteLlmRouterConfig([route('A b'), route('a-b'), route('!!')]).config.model_list;
    expect(names.map((m) => m.model_name)).toEqual(['a-b', 'a-b-2', 'dependency']);
  });

  it('writes no secret, only environment references', () => {
    for (const entry of config.model_list) {
      const { api_key: key } = entry.litellm_params;
      if (key !== undefined) expect(key).toMatch(/^os\.environ\/[A-Z_]+$/);
    }
  });

  it('serialises to YAML that parses back to the config', () => {
    expect(load(yaml)).toEqual(config);
    expect(yaml).toContain('model_list:\n  - model_name: "claims-triage"\n    litellm_params:\n');
    expect(yaml).toContain('router_settings:\n  fallbacks:\n    - claims-triage:\n');
  });
});

describe('toYaml', () => {
  it.each<[YamlValue, string]>([
    [{}, '{}\n'],
    [[], '[]\n'],
    ['yes', '"yes"\n'],
    [{ a: 'null', b: 1, c: true, d: null, e: [] }, 'a: "null"\nb: 1\nc: true\nd: null\ne: []\n'],
    [{ list: [[1, 2], { k: 'v' }] }, 'list:\n  - - 1\n    - 2\n  - k: "v"\n'],
    [{ 'a b': 'x: "y"\n' }, '"a b": "x: \\"y\\"\\n"\n'],
    [{ on: 1, No: 2, null: 3, ok: 4 }, '"on": 1\n"No": 2\n"null": 3\nok: 4\n'],
  ])('%p', (value, expected) => {
    expect(toYaml(value)).toBe(expected);
  });

  it('drops undefined members and rejects non-finite numbers', () => {
    expect(toYaml({ a: undefined, b: 1 })).toBe('b: 1\n');
    expect(() => toYaml({ a: Number.NaN })).toThrow(/finite/);
  });

  it('round-trips any JSON value through a YAML parser', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.parse(JSON.stringify(value)) as YamlValue;
        expect(load(toYaml(json))).toEqual(json);
      }),
    );
  });
});

describe('portkeyFallbackConfig', () => {
  const { configs, unsupported } = portkeyFallbackConfig(plan);

  it('writes one fallback config per dependency, primary first', () => {
    expect(configs.map((c) => c.dependencyName)).toEqual(['Claims triage', 'Support bot']);
    expect(configs[0].config).toEqual({
      strategy: { mode: 'fallback' },
      targets: [
        {
          provider: 'openai',
          virtual_key: '{{PORTKEY_VIRTUAL_KEY_OPENAI}}',
          override_params: { model: 'gpt-4o' },
        },
        {
          provider: 'anthropic',
          virtual_key: '{{PORTKEY_VIRTUAL_KEY_ANTHROPIC}}',
          override_params: { model: 'claude-sonnet-4-20250514' },
        },
        {
          provider: 'openai',
          custom_host: 'http://vllm.internal:8000/v1',
          override_params: { model: 'meta-llama/Llama-3.3-70B-Instruct' },
        },
      ],
    });
    expect(configs[1].config.targets.map((t) => t.provider)).toEqual(['mistral-ai', 'vertex-ai']);
  });

  it('lists unknown providers as unsupported', () => {
    expect(unsupported.map((u) => [u.dependencyName, u.role, u.reason])).toEqual([
      ['Support bot', 'fallback', 'no Portkey provider mapping for "cloudflare-workers-ai"'],
      ['Legacy search', 'primary', 'no Portkey provider mapping for "github-models"'],
      ['Legacy search', 'fallback', 'the primary is unsupported'],
    ]);
  });

  it('writes placeholders, not keys', () => {
    expect(portkeyVirtualKeyPlaceholder('azure-openai')).toBe(
      '{{PORTKEY_VIRTUAL_KEY_AZURE_OPENAI}}',
    );
  });
});

describe('openRouterModelsList', () => {
  it('lists primary then fallbacks, skipping self-hosted ones with a note', () => {
    const { lists, unsupported } = openRouterModelsList(plan);
    expect(lists[0]).toEqual({
      dependencyName: 'Claims triage',
      request: { models: ['openai/gpt-4o', 'anthropic/claude-sonnet-4-20250514'] },
      models: [
        { slug: 'openai/gpt-4o', source: 'derived' },
        { slug: 'anthropic/claude-sonnet-4-20250514', source: 'derived' },
      ],
    });
    expect(lists[1].request.models).toEqual(['mistralai/mistral-large-latest']);
    expect(lists.map((l) => l.dependencyName)).toEqual(['Claims triage', 'Support bot']);
    expect(unsupported.map((u) => [u.dependencyName, u.role, u.reason])).toEqual([
      ['Claims triage', 'fallback', 'self-hosted models are not reachable through OpenRouter'],
      ['Support bot', 'fallback', 'no OpenRouter author for provider "google-vertex"'],
      ['Support bot', 'fallback', 'no OpenRouter author for provider "cloudflare-workers-ai"'],
      ['Legacy search', 'primary', 'no OpenRouter author for provider "github-models"'],
      ['Legacy search', 'fallback', 'the primary is unsupported'],
    ]);
  });

  it('takes OpenRouter catalog ids as exact and drops duplicates', () => {
    const { lists } = openRouterModelsList([
      {
        dependencyName: 'x',
        primary: { vendorId: 'openrouter', modelId: 'openrouter/anthropic/claude-sonnet-4' },
        fallbacks: [
          {
            vendorId: 'openrouter',
            modelId: 'openrouter/anthropic/claude-sonnet-4',
            selfHosted: false,
          },
          { vendorId: 'openai', modelId: 'openai/gpt-4o', selfHosted: false },
        ],
      },
    ]);
    expect(lists[0].models).toEqual([
      { slug: 'anthropic/claude-sonnet-4', source: 'catalog' },
      { slug: 'openai/gpt-4o', source: 'derived' },
    ]);
  });

  it('is deterministic', () => {
    expect(openRouterModelsList(plan)).toEqual(openRouterModelsList(plan));
    expect(liteLlmRouterConfig(plan)).toEqual(liteLlmRouterConfig(plan));
    expect(portkeyFallbackConfig(plan)).toEqual(portkeyFallbackConfig(plan));
  });
});
