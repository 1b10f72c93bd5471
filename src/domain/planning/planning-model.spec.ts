import raw from '../../../data/planning-model.json';
import { parsePlanningModel } from './planning-model';

function mutate(path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(raw) as Record<string, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe('parsePlanningModel', () => {
  it('accepts the shipped model, every constant with a unit and a rationale', () => {
    const model = parsePlanningModel(raw);
    expect(model.version).toBe('2026.11.2');
    expect(model.runbook.containHours.value).toBe(4);
    expect(model.needs.maxRequiredContextTokens.value).toBe(8192);
    expect(model.memory.bytesPerParameter.value).toEqual({ bf16: 2, fp8: 1, int4: 0.5 });
    expect(model.memory.usableMemoryFraction.source).toContain('gpu_memory_utilization');
    expect(model.capacity.hoursPerMonth.value).toBe(730);
    expect(model.memory.tensorParallelSizes.value).toEqual([1, 2, 4, 8]);
    for (const [sectionName, section] of Object.entries(model)) {
      if (typeof section !== 'object') continue;
      for (const [key, constant] of Object.entries(
        section as Record<string, { unit: string; rationale: string }>,
      )) {
        expect([sectionName, key, constant.unit.length > 0, constant.rationale.length > 0]).toEqual(
          [sectionName, key, true, true],
        );
      }
    }
  });

  it.each([
    [['version'], undefined, 'version'],
    [['memory'], 'x', 'memory must be an object'],
    [
      ['memory', 'bytesPerParameter', 'value', 'int4'],
      2,
      'memory.bytesPerParameter.value.int4 must be <= fp8',
    ],
    [
      ['memory', 'bytesPerParameter', 'value', 'bf16'],
      0,
      'bytesPerParameter.value.bf16 must be > 0',
    ],
    [['memory', 'usableMemoryFraction', 'value'], 1.2, 'usableMemoryFraction.value must be <= 1'],
    [
      ['memory', 'runtimeOverheadFraction', 'value'],
      0.95,
      'memory.runtimeOverheadFraction.value must be < usableMemoryFraction',
    ],
    [['memory', 'tensorParallelSizes', 'value'], [1, 4, 2], 'tensorParallelSizes.value[2]'],
    [['memory', 'tensorParallelSizes', 'value'], [], 'must be a non-empty array'],
    [['memory', 'tensorParallelSizes', 'value'], [1, 2.5], 'must be an integer'],
    [['memory', 'kvCacheBytesScale', 'value', 'fp8'], 0, 'kvCacheBytesScale.value.fp8 must be > 0'],
    [['throughput', 'batchingMultiplier', 'value'], 0.5, 'batchingMultiplier.value must be >= 1'],
    [['capacity', 'targetUtilisation', 'value'], 0, 'targetUtilisation.value must be > 0'],
    [['capacity', 'peakToAverageRatio', 'unit'], '', 'peakToAverageRatio.unit'],
    [['capacity', 'minimumReplicas', 'value'], 0, 'minimumReplicas.value must be >= 1'],
    [['ranking', 'weights', 'value', 'cost'], 0.5, 'ranking.weights.value must sum to 1'],
    [['ranking', 'weights', 'value', 'cost'], undefined, 'ranking.weights.value.cost is missing'],
    [['ranking', 'switchingPenalties', 'value', 'fineTuned'], 2, 'fineTuned must be <= 1'],
    [
      ['ranking', 'switchingPenalties', 'value', 'openAiCompatibleApi'],
      0.5,
      'openAiCompatibleApi must be <= differentApi',
    ],
    [['ranking', 'precisionFitFactors', 'value', 'int4'], 1, 'precisionFitFactors.value.int4'],
  ])('rejects %j = %j (%s)', (path, value, message) => {
    expect(() => parsePlanningModel(mutate(path, value))).toThrow(message);
  });

  it('rejects a non-object', () => {
    expect(() => parsePlanningModel(null)).toThrow('planning model: (root) must be an object');
  });
});
