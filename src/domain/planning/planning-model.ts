/**
 * The constants of failover planning (`data/planning-model.json`): self-hosting sizing and the
 * ranking of alternatives. Each constant carries its unit, rationale and, where one exists, its
 * source, like the scoring model.
 */
import {
  type Check,
  ConstantReader,
  FRACTION,
  isObject,
  type ModelConstant,
  NON_NEGATIVE,
  POSITIVE,
} from '../model-constants';

/** Weight precisions a self-hosted replica can run at. */
export const PRECISIONS = ['bf16', 'fp8', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

export interface RankingWeights {
  capabilityFit: number;
  cost: number;
  switchingEffort: number;
  regulatoryExposure: number;
}

export const RANKING_COMPONENTS = [
  'capabilityFit',
  'cost',
  'switchingEffort',
  'regulatoryExposure',
] as const satisfies readonly (keyof RankingWeights)[];

export interface SwitchingPenalties {
  differentApi: number;
  openAiCompatibleApi: number;
  modelChange: number;
  fineTuned: number;
  vendorSpecificFeatures: number;
  selfHostingOperations: number;
}

/** The shape of `data/planning-model.json`. */
export interface PlanningModel {
  version: string;
  description?: string;
  memory: {
    bytesPerParameter: ModelConstant<Record<Precision, number>>;
    quantisationOverhead: ModelConstant<Record<Precision, number>>;
    kvCacheBytesScale: ModelConstant<Record<Precision, number>>;
    runtimeOverheadFraction: ModelConstant<number>;
    usableMemoryFraction: ModelConstant<number>;
    tensorParallelSizes: ModelConstant<number[]>;
  };
  throughput: {
    memoryBandwidthEfficiency: ModelConstant<number>;
    batchingMultiplier: ModelConstant<number>;
    prefillComputeEfficiency: ModelConstant<number>;
    flopsPerParameterPerToken: ModelConstant<number>;
  };
  capacity: {
    peakToAverageRatio: ModelConstant<number>;
    targetUtilisation: ModelConstant<number>;
    hoursPerMonth: ModelConstant<number>;
    minimumReplicas: ModelConstant<number>;
  };
  workloadDefaults: {
    contextTokens: ModelConstant<number>;
    concurrency: ModelConstant<number>;
  };
  ranking: {
    weights: ModelConstant<RankingWeights>;
    topN: ModelConstant<number>;
    unknownCapabilityFactor: ModelConstant<number>;
    unknownPriceCostScore: ModelConstant<number>;
    precisionFitFactors: ModelConstant<Record<Precision, number>>;
    switchingPenalties: ModelConstant<SwitchingPenalties>;
    gatewayApiFactor: ModelConstant<number>;
    tierPriceRatioFloor: ModelConstant<number>;
  };
  runbook: {
    detectHours: ModelConstant<number>;
    containHours: ModelConstant<number>;
    stabiliseHours: ModelConstant<number>;
  };
  needs: {
    maxRequiredContextTokens: ModelConstant<number>;
  };
}

const reader: ConstantReader = new ConstantReader('planning model');

/** In (0, 1]. */
const positiveFraction: Check<number> = (path, x) =>
  reader.checkNumber(path, reader.checkNumber(path, x, { min: 0, open: true }), { max: 1 });

/** Strictly increasing positive integers, at least one. */
function tensorParallelSizes(path: string, x: unknown): number[] {
  if (!Array.isArray(x) || x.length === 0) reader.fail(path, 'must be a non-empty array');
  const sizes = x.map((size, i) =>
    reader.checkNumber(`${path}[${i}]`, size, { min: 1, integer: true }),
  );
  for (let i = 1; i < sizes.length; i++) {
    if (sizes[i] <= sizes[i - 1])
      reader.fail(`${path}[${i}]`, 'must be larger than the one before');
  }
  return sizes;
}

/**
 * Validates the parsed JSON of `data/planning-model.json` and returns it typed. Throws a plain
 * `Error` naming the first bad key (e.g. `planning model: memory.usableMemoryFraction.value must
 * be <= 1`). Checks ranges as well as shape: bytes per parameter > 0 and not increasing from bf16
 * to int4; fractions in [0, 1]; runtime overhead below the usable fraction (or nothing would be
 * left for weights); tensor-parallel sizes increasing integers; ranking weights >= 0 summing to
 * 1; switching penalties in [0, 1].
 */
export function parsePlanningModel(json: unknown): PlanningModel {
  if (!isObject(json)) reader.fail('(root)', 'must be an object');
  if (typeof json.version !== 'string' || json.version.trim() === '') {
    reader.fail('version', 'must be a non-empty string');
  }
  const m = reader.section(json, 'memory');
  const t = reader.section(json, 'throughput');
  const c = reader.section(json, 'capacity');
  const w = reader.section(json, 'workloadDefaults');
  const r = reader.section(json, 'ranking');
  const rb = reader.section(json, 'runbook');
  const n = reader.section(json, 'needs');

  const model: PlanningModel = {
    version: json.version,
    memory: {
      bytesPerParameter: reader.constant(m, 'memory', 'bytesPerParameter', (path, x) => {
        const bytes = reader.table(PRECISIONS, POSITIVE)(path, x);
        if (bytes.fp8 > bytes.bf16) reader.fail(`${path}.fp8`, 'must be <= bf16');
        if (bytes.int4 > bytes.fp8) reader.fail(`${path}.int4`, 'must be <= fp8');
        return bytes;
      }),
      quantisationOverhead: reader.constant(
        m,
        'memory',
        'quantisationOverhead',
        reader.table(PRECISIONS, { min: 0, max: 1 }),
      ),
      kvCacheBytesScale: reader.constant(
        m,
        'memory',
        'kvCacheBytesScale',
        reader.table(PRECISIONS, positiveFraction),
      ),
      runtimeOverheadFraction: reader.constant(
        m,
        'memory',
        'runtimeOverheadFraction',
        reader.num(FRACTION),
      ),
      usableMemoryFraction: reader.constant(m, 'memory', 'usableMemoryFraction', positiveFraction),
      tensorParallelSizes: reader.constant(m, 'memory', 'tensorParallelSizes', tensorParallelSizes),
    },
    throughput: {
      memoryBandwidthEfficiency: reader.constant(
        t,
        'throughput',
        'memoryBandwidthEfficiency',
        positiveFraction,
      ),
      batchingMultiplier: reader.constant(
        t,
        'throughput',
        'batchingMultiplier',
        reader.num({ min: 1 }),
      ),
      prefillComputeEfficiency: reader.constant(
        t,
        'throughput',
        'prefillComputeEfficiency',
        positiveFraction,
      ),
      flopsPerParameterPerToken: reader.constant(
        t,
        'throughput',
        'flopsPerParameterPerToken',
        reader.num(POSITIVE),
      ),
    },
    capacity: {
      peakToAverageRatio: reader.constant(
        c,
        'capacity',
        'peakToAverageRatio',
        reader.num({ min: 1 }),
      ),
      targetUtilisation: reader.constant(c, 'capacity', 'targetUtilisation', positiveFraction),
      hoursPerMonth: reader.constant(c, 'capacity', 'hoursPerMonth', reader.num(POSITIVE)),
      minimumReplicas: reader.constant(
        c,
        'capacity',
        'minimumReplicas',
        reader.num({ min: 1, integer: true }),
      ),
    },
    workloadDefaults: {
      contextTokens: reader.constant(w, 'workloadDefaults', 'contextTokens', reader.num(POSITIVE)),
      concurrency: reader.constant(
        w,
        'workloadDefaults',
        'concurrency',
        reader.num({ min: 1, integer: true }),
      ),
    },
    ranking: {
      weights: reader.constant(r, 'ranking', 'weights', (path, x) => {
        const weights = reader.table(RANKING_COMPONENTS, NON_NEGATIVE)(path, x);
        const sum = RANKING_COMPONENTS.reduce((s, k) => s + weights[k], 0);
        if (Math.abs(sum - 1) > 1e-9) reader.fail(path, `must sum to 1 (they sum to ${sum})`);
        return weights;
      }),
      topN: reader.constant(r, 'ranking', 'topN', reader.num({ min: 1, integer: true })),
      unknownCapabilityFactor: reader.constant(
        r,
        'ranking',
        'unknownCapabilityFactor',
        positiveFraction,
      ),
      unknownPriceCostScore: reader.constant(
        r,
        'ranking',
        'unknownPriceCostScore',
        reader.num(FRACTION),
      ),
      precisionFitFactors: reader.constant(r, 'ranking', 'precisionFitFactors', (path, x) => {
        const f = reader.table(PRECISIONS, FRACTION)(path, x);
        if (f.fp8 > f.bf16) reader.fail(`${path}.fp8`, 'must be <= bf16');
        if (f.int4 > f.fp8) reader.fail(`${path}.int4`, 'must be <= fp8');
        return f;
      }),
      switchingPenalties: reader.constant(
        r,
        'ranking',
        'switchingPenalties',
        reader.table(
          [
            'differentApi',
            'openAiCompatibleApi',
            'modelChange',
            'fineTuned',
            'vendorSpecificFeatures',
            'selfHostingOperations',
          ] as const,
          FRACTION,
        ),
      ),
      gatewayApiFactor: reader.constant(r, 'ranking', 'gatewayApiFactor', reader.num(FRACTION)),
      tierPriceRatioFloor: reader.constant(
        r,
        'ranking',
        'tierPriceRatioFloor',
        reader.num(FRACTION),
      ),
    },
    runbook: {
      detectHours: reader.constant(rb, 'runbook', 'detectHours', reader.num(NON_NEGATIVE)),
      containHours: reader.constant(rb, 'runbook', 'containHours', reader.num(NON_NEGATIVE)),
      stabiliseHours: reader.constant(rb, 'runbook', 'stabiliseHours', reader.num(NON_NEGATIVE)),
    },
    needs: {
      maxRequiredContextTokens: reader.constant(
        n,
        'needs',
        'maxRequiredContextTokens',
        reader.num({ min: 0, integer: true }),
      ),
    },
  };
  if (typeof json.description === 'string') model.description = json.description;
  if (model.memory.runtimeOverheadFraction.value >= model.memory.usableMemoryFraction.value) {
    reader.fail('memory.runtimeOverheadFraction.value', 'must be < usableMemoryFraction');
  }
  const p = model.ranking.switchingPenalties.value;
  if (p.openAiCompatibleApi > p.differentApi) {
    reader.fail('ranking.switchingPenalties.value.openAiCompatibleApi', 'must be <= differentApi');
  }
  return model;
}
