/**
 * Who made a model, read from its catalog id, so that an order against a lab also reaches the
 * resellers, marketplaces and aggregators that serve the lab's models. Only closed models count:
 * published weights stay available whatever happens to their maker.
 *
 * The id is `<served by>/<model>`, an aggregator's `<served by>/<author>/<model>`, or a
 * marketplace's `<served by>/<author>.<model>` (Bedrock). The maker is, in that order: the
 * author segment, the first segment when it is not the seller itself, the author prefix before a
 * dot, or the model family its name starts with; each mapped to the catalog's vendor id.
 */

/** Author segments and prefixes as they appear in catalog ids -> the maker's vendor id. */
const AUTHORS: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  xai: 'xai',
  'x-ai': 'xai',
  mistral: 'mistral',
  mistralai: 'mistral',
  'mistral-ai': 'mistral',
  deepseek: 'deepseek',
  'deepseek-ai': 'deepseek',
  moonshotai: 'moonshotai',
  qwen: 'alibaba',
  alibaba: 'alibaba',
  'zai-org': 'zai',
  'z-ai': 'zai',
  zai: 'zai',
  zhipuai: 'zai',
};

/** Model families by the start of their name -> the maker's vendor id. */
const FAMILIES: readonly [RegExp, string][] = [
  [/^(gpt-|chatgpt|o[134](-|$)|codex|whisper|dall-e|tts-|text-embedding-)/, 'openai'],
  [/^claude/, 'anthropic'],
  [/^gemini/, 'google'],
  [/^grok/, 'xai'],
  [/^(mistral|magistral|ministral|codestral|devstral|pixtral)/, 'mistral'],
  [/^deepseek/, 'deepseek'],
  [/^kimi/, 'moonshotai'],
  [/^(qwen|qwq)/, 'alibaba'],
  [/^glm/, 'zai'],
];

const author = (segment: string): string | undefined =>
  AUTHORS[segment.toLowerCase().replace(/^hf:/, '')];

/**
 * The vendor id of the lab that made the model `modelId` served by `servedBy`, when it is
 * another vendor and the weights are not published; null otherwise (or when it cannot be told).
 */
export function modelMaker(
  modelId: string | null,
  servedBy: string,
  openWeights: boolean | null,
): string | null {
  if (modelId === null || openWeights === true) return null;
  const parts = modelId.split('/');
  const name = parts[parts.length - 1].toLowerCase();
  const dot = name.indexOf('.');
  const maker =
    (parts.length >= 3 ? author(parts[1]) : undefined) ??
    (parts.length >= 2 && parts[0] !== servedBy ? author(parts[0]) : undefined) ??
    (dot > 0 ? author(name.slice(0, dot)) : undefined) ??
    FAMILIES.find(([pattern]) => pattern.test(name))?.[1] ??
    null;
  return maker === servedBy ? null : maker;
}
