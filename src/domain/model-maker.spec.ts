import { modelMaker } from './model-maker';

describe('modelMaker', () => {
  it.each([
    ['a reseller selling a lab model', 'openai/gpt-4o', 'reseller-gmbh', null, 'openai'],
    [
      'an aggregator routing to a lab',
      'openrouter/anthropic/claude-sonnet-4',
      'openrouter',
      null,
      'anthropic',
    ],
    ['an aggregator, author alias', 'openrouter/x-ai/grok-4', 'openrouter', false, 'xai'],
    [
      'a marketplace, author prefix',
      'amazon-bedrock/anthropic.claude-3-5-sonnet-v2:0',
      'amazon-bedrock',
      false,
      'anthropic',
    ],
    ['a cloud serving a lab family', 'azure/gpt-4o', 'azure', false, 'openai'],
    ['a cloud serving Gemini', 'google-vertex/gemini-2.5-pro', 'google-vertex', false, 'google'],
    ['the lab itself', 'openai/gpt-4o', 'openai', false, null],
    ['published weights', 'groq/openai/gpt-oss-120b', 'groq', true, null],
    ['an unknown family', 'togetherai/some-model', 'togetherai', null, null],
    ['no model', null, 'openai', null, null],
  ] as const)('%s: %s on %s -> %p', (_case, modelId, servedBy, openWeights, maker) => {
    expect(modelMaker(modelId, servedBy, openWeights)).toBe(maker);
  });
});
