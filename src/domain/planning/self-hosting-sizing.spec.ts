import fc from 'fast-check';
import familiesJson from '../../../data/catalog/open-weights-families.json';
import gpusJson from '../../../data/catalog/gpus.json';
import raw from '../../../data/planning-model.json';
import { PRECISIONS, parsePlanningModel, type PlanningModel } from './planning-model';
import {
  bestSelfHostingOptions,
  kvBytesPerTokenBf16,
  sizeSelfHosting,
  type GpuInput,
  type OpenWeightsFamilyInput,
  type SelfHostingWorkload,
} from './self-hosting-sizing';

const model = parsePlanningModel(raw);
const families: OpenWeightsFamilyInput[] = familiesJson.families;
const gpus: GpuInput[] = gpusJson.gpus;
const family = (id: string) => families.find((f) => f.id === id)!;
const gpu = (id: string) => gpus.find((g) => g.id === id)!;

const workload: SelfHostingWorkload = {
  monthlyInputTokens: 2e9,
  monthlyOutputTokens: 5e8,
  contextTokens: 8192,
  concurrency: 16,
  currentMonthlySpend: 10_000,
};

function withTensorParallel(sizes: number[]): PlanningModel {
  const m = structuredClone(model);
  m.memory.tensorParallelSizes.value = sizes;
  return m;
}

describe('sizeSelfHosting: hand figures', () => {
  /*
   * Llama 3.3 70B in bf16 on H100 SXM 80 GB, 8,192-token context, 16 sequences per replica:
   *   weights  = 70.6 B x 2 bytes                          = 141.2 GB
   *   KV cache = 327,680 B/token x 8,192 x 16 / 1e9          =  42.95 GB
   *   2 GPUs: overhead 2 x 80 x 0.1 = 16 GB; need 141.2 + 42.95 + 16 = 200.15 GB
   *           > usable 2 x 80 x 0.9 = 144 GB                -> insufficient (weights alone ~ 144)
   *   4 GPUs: overhead 32 GB; need 216.15 GB <= usable 288 GB -> sufficient
   *   decode  = 0.6 x 4 x 3,350 GB/s / (70.6 x 2 GB) x 8      =    455.52 tok/s
   *   prefill = 0.4 x 4 x 989e12 / (2 x 70.6e9)               = 11,206.80 tok/s
   *   busy    = 2e9 / 11,206.80 + 5e8 / 455.52 = 1,276,102 s over 730 x 3,600 = 2,628,000 s
   *   peak    = 0.48558 x 3 = 1.4567 busy replicas; / 0.7 = 2.081 -> 3 replicas
   *   cost    = 4 x 3 GPUs x 2.99 x 730 h                      = 26,192.40 a month
   */
  const llama = family('llama-3.3-70b');
  const h100 = gpu('h100-sxm-80gb');

  it('Llama 3.3 70B bf16: 2 x H100 80 GB are not enough, 4 are', () => {
    const sized = sizeSelfHosting(llama, h100, workload, 'bf16', model);
    expect(sized.weightsGb).toBeCloseTo(141.2, 6);
    expect(sized.kvCacheGb).toBeCloseTo(42.94967296, 6);
    expect(sized.gpusPerReplica).toBe(4);
    expect(sized.overheadGb).toBeCloseTo(32, 9);
    expect(sized.totalGbPerReplica).toBeCloseTo(216.14967296, 6);
    expect(sized.usableGbPerReplica).toBeCloseTo(288, 9);
    const gpusFactor = sized.factors.find((f) => f.name === 'GPUs per replica');
    expect(gpusFactor?.explanation).toContain('1, 2 GPU(s) do not hold');

    const twoAtMost = sizeSelfHosting(llama, h100, workload, 'bf16', withTensorParallel([1, 2]));
    expect(twoAtMost.feasible).toBe(false);
    expect(twoAtMost.gpusPerReplica).toBeNull();
    expect(twoAtMost.infeasibility?.code).toBe('exceeds_largest_replica');
    expect(twoAtMost.totalGbPerReplica).toBeCloseTo(200.14967296, 6);
    expect(twoAtMost.usableGbPerReplica).toBeCloseTo(144, 9);
    expect(twoAtMost.monthlyGpuCost).toBeNull();
  });

  it('Llama 3.3 70B bf16: throughput, replicas and cost', () => {
    const sized = sizeSelfHosting(llama, h100, workload, 'bf16', model);
    expect(sized.decodeTokensPerSecond).toBeCloseTo(455.524079, 5);
    expect(sized.prefillTokensPerSecond).toBeCloseTo(11206.798867, 5);
    expect(sized.peakReplicaLoad).toBeCloseTo(1.45674, 4);
    expect(sized.replicas).toBe(3);
    expect(sized.totalGpus).toBe(12);
    expect(sized.monthlyGpuCost).toBeCloseTo(26192.4, 6);
    expect(sized.monthlyCostDifference).toBeCloseTo(16192.4, 6);
    expect(sized.feasible).toBe(true);
    expect(sized.infeasibility).toBeNull();
  });

  it('even a small context does not fit a 70B bf16 model on 2 x 80 GB: weights alone exceed 144 GB less overhead', () => {
    const tiny = { ...workload, contextTokens: 1, concurrency: 1 };
    const sized = sizeSelfHosting(llama, h100, tiny, 'bf16', withTensorParallel([1, 2]));
    expect(sized.feasible).toBe(false);
  });

  /*
   * DeepSeek V3 (MoE, 671 B total, 37 B active) in fp8 on H200 141 GB:
   *   weights = 671 x 1 x 1.02 = 684.42 GB; KV = 70,272 x 0.5 x 8,192 x 16 / 1e9 = 4.605 GB
   *   4 GPUs: 684.42 + 4.6 + 56.4 = 745.4 > 507.6 usable; 8 GPUs: 801.8 <= 1,015.2 -> 8
   *   decode = 0.6 x 8 x 4,800 / (37 x 1.02) x 8 = 4,883.94 tok/s (active parameters only)
   */
  it('MoE (DeepSeek V3): weights count total parameters, throughput the active ones', () => {
    const deepseek = family('deepseek-v3');
    const sized = sizeSelfHosting(deepseek, gpu('h200-141gb'), workload, 'fp8', model);
    expect(sized.weightsGb).toBeCloseTo(684.42, 6);
    expect(sized.kvCacheGb).toBeCloseTo(4.605345792, 9);
    expect(sized.gpusPerReplica).toBe(8);
    expect(sized.decodeTokensPerSecond).toBeCloseTo(4883.9428, 3);

    const denseTwin = { ...deepseek, id: 'dense-twin', activeParamsB: deepseek.totalParamsB };
    const dense = sizeSelfHosting(denseTwin, gpu('h200-141gb'), workload, 'fp8', model);
    expect(dense.weightsGb).toBe(sized.weightsGb);
    expect(dense.gpusPerReplica).toBe(sized.gpusPerReplica);
    expect(sized.decodeTokensPerSecond! / dense.decodeTokensPerSecond!).toBeCloseTo(671 / 37, 9);
    expect(dense.replicas!).toBeGreaterThanOrEqual(sized.replicas!);
  });

  it('MoE (Kimi K2, 1,000 B): bf16 fits nowhere, int4 halves fp8 before quantisation overhead', () => {
    const kimi = family('kimi-k2');
    const b200 = gpu('b200-192gb');
    const bf16 = sizeSelfHosting(kimi, b200, workload, 'bf16', model);
    const fp8 = sizeSelfHosting(kimi, b200, workload, 'fp8', model);
    const int4 = sizeSelfHosting(kimi, b200, workload, 'int4', model);
    expect(bf16.weightsGb).toBeCloseTo(2000, 9);
    expect(bf16.infeasibility?.code).toBe('exceeds_largest_replica');
    expect(fp8.weightsGb).toBeCloseTo(1020, 9);
    expect(int4.weightsGb).toBeCloseTo(550, 9);
    // Raw widths halve; each precision then adds its own documented overhead (2 % / 10 %).
    expect(int4.weightsGb! / 1.1).toBeCloseTo((fp8.weightsGb! / 1.02) * 0.5, 9);
    expect(int4.kvCacheGb).toBeCloseTo(fp8.kvCacheGb!, 12);
    expect(fp8.kvCacheGb! * 2).toBeCloseTo(bf16.kvCacheGb!, 12);
    expect(int4.gpusPerReplica).toBe(4);
  });

  it('int4 weights are half the fp8 raw width for every catalog family', () => {
    const q = model.memory.quantisationOverhead.value;
    for (const f of families.filter((x) => x.totalParamsB !== null)) {
      const fp8 = sizeSelfHosting(f, gpu('h100-sxm-80gb'), workload, 'fp8', model);
      const int4 = sizeSelfHosting(f, gpu('h100-sxm-80gb'), workload, 'int4', model);
      expect(int4.weightsGb! / (1 + q.int4)).toBeCloseTo((fp8.weightsGb! / (1 + q.fp8)) * 0.5, 9);
    }
  });
});

describe('sizeSelfHosting: what cannot be sized', () => {
  it.each([
    ['llama-3.1-nemotron-ultra-253b', 'h100-sxm-80gb', 'unknown_kv_cache'],
    ['llama-2-7b', 'h100-sxm-80gb', 'context_exceeds_model'],
  ])('%s on %s: %s', (familyId, gpuId, code) => {
    const sized = sizeSelfHosting(family(familyId), gpu(gpuId), workload, 'bf16', model);
    expect(sized.feasible).toBe(false);
    expect(sized.infeasibility?.code).toBe(code);
    expect(sized.factors.at(-1)?.name).toBe('infeasible');
  });

  it('unknown parameter count', () => {
    const f = { ...family('llama-3-8b'), totalParamsB: null };
    expect(sizeSelfHosting(f, gpu('l4-24gb'), workload, 'bf16', model).infeasibility?.code).toBe(
      'unknown_parameters',
    );
  });

  it('unknown memory bandwidth', () => {
    const g = { ...gpu('l4-24gb'), memoryBandwidthGBps: null };
    const sized = sizeSelfHosting(family('llama-3-8b'), g, workload, 'bf16', model);
    expect(sized.infeasibility?.code).toBe('unknown_bandwidth');
    // 16.06 GB weights + 17.18 GB KV cache + overhead need two 24 GB GPUs.
    expect(sized.gpusPerReplica).toBe(2);
  });

  it('no TFLOPS on record: input tokens count at the decode rate', () => {
    const sized = sizeSelfHosting(family('llama-3-8b'), gpu('a10g-24gb'), workload, 'fp8', model);
    expect(sized.prefillTokensPerSecond).toBe(sized.decodeTokensPerSecond);
  });

  it('derives the KV bytes per token from the attention layout when the catalog has none', () => {
    const f = { ...family('llama-3-8b'), kvCacheBytesPerTokenBf16: null };
    expect(kvBytesPerTokenBf16(f)).toBe(2 * 8 * 128 * 32 * 2);
    expect(kvBytesPerTokenBf16({ ...f, attention: 'mla' })).toBeNull();
  });

  it('at zero volume one replica is still paid for', () => {
    const idle = { ...workload, monthlyInputTokens: 0, monthlyOutputTokens: 0 };
    const sized = sizeSelfHosting(family('llama-3-8b'), gpu('l4-24gb'), idle, 'bf16', model);
    expect(sized.replicas).toBe(1);
    expect(sized.monthlyGpuCost).toBeCloseTo(2 * 0.8048 * 730, 9);
  });
});

describe('bestSelfHostingOptions', () => {
  it('covers every GPU x precision, cheapest feasible first, infeasible last', () => {
    const options = bestSelfHostingOptions(family('llama-3.3-70b'), gpus, workload, model);
    expect(options).toHaveLength(gpus.length * PRECISIONS.length);
    const feasible = options.filter((o) => o.feasible);
    expect(options.slice(0, feasible.length).every((o) => o.feasible)).toBe(true);
    for (let i = 1; i < feasible.length; i++) {
      expect(feasible[i].monthlyGpuCost!).toBeGreaterThanOrEqual(feasible[i - 1].monthlyGpuCost!);
    }
    const cheapest = Math.min(...feasible.map((o) => o.monthlyGpuCost!));
    expect(options[0].monthlyGpuCost).toBe(cheapest);
  });

  it('writes the working out for the best option only, with the same numbers either way', () => {
    const options = bestSelfHostingOptions(family('llama-3.3-70b'), gpus, workload, model);
    expect(options[0].factors.map((f) => f.name)).toContain('monthly GPU cost');
    expect(options.slice(1).every((o) => o.factors.length === 0)).toBe(true);
    for (const o of options) {
      const explained = sizeSelfHosting(
        family('llama-3.3-70b'),
        gpu(o.gpuId),
        workload,
        o.precision,
        model,
      );
      expect({ ...o, factors: [], infeasibility: null }).toEqual({
        ...explained,
        factors: [],
        infeasibility: null,
      });
      expect(o.infeasibility?.code).toEqual(explained.infeasibility?.code);
    }
  });

  it('is deterministic whatever the GPU order', () => {
    const a = bestSelfHostingOptions(family('qwen3-32b'), gpus, workload, model);
    const b = bestSelfHostingOptions(family('qwen3-32b'), [...gpus].reverse(), workload, model);
    expect(b).toEqual(a);
  });

  it('returns only infeasible options when no GPU holds the model', () => {
    const options = bestSelfHostingOptions(
      family('kimi-k2'),
      [gpu('l4-24gb'), gpu('a100-40gb')],
      workload,
      model,
    );
    expect(options.every((o) => !o.feasible)).toBe(true);
  });
});

describe('sizeSelfHosting: monotonicity (property)', () => {
  const familyArb = fc.record({
    id: fc.constant('f'),
    name: fc.constant('F'),
    totalParamsB: fc.double({ min: 0.5, max: 1200, noNaN: true }),
    activeFraction: fc.double({ min: 0.02, max: 1, noNaN: true }),
    kvCacheBytesPerTokenBf16: fc.integer({ min: 1_000, max: 1_500_000 }),
  });
  const gpuArb = fc.constantFrom(...gpus);
  const precisionArb = fc.constantFrom(...PRECISIONS);
  const workloadArb = fc.record({
    monthlyInputTokens: fc.double({ min: 0, max: 1e12, noNaN: true }),
    monthlyOutputTokens: fc.double({ min: 0, max: 1e11, noNaN: true }),
    contextTokens: fc.integer({ min: 1, max: 200_000 }),
    concurrency: fc.integer({ min: 1, max: 256 }),
  });
  const toFamily = (f: {
    totalParamsB: number;
    activeFraction: number;
    kvCacheBytesPerTokenBf16: number;
  }): OpenWeightsFamilyInput => ({
    id: 'f',
    name: 'F',
    totalParamsB: f.totalParamsB,
    activeParamsB: f.totalParamsB * f.activeFraction,
    kvLayers: null,
    kvHeads: null,
    headDim: null,
    attention: 'standard',
    kvCacheBytesPerTokenBf16: f.kvCacheBytesPerTokenBf16,
    contextWindow: null,
  });
  const orInfinity = (x: number | null) => x ?? Infinity;

  it('more context or concurrency never needs fewer GPUs (per replica or in total)', () => {
    fc.assert(
      fc.property(
        familyArb,
        gpuArb,
        precisionArb,
        workloadArb,
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 64 }),
        (f, g, precision, w, moreContext, moreConcurrency) => {
          const fam = toFamily(f);
          const base = sizeSelfHosting(fam, g, w, precision, model);
          const bigger = sizeSelfHosting(
            fam,
            g,
            {
              ...w,
              contextTokens: w.contextTokens + moreContext,
              concurrency: w.concurrency + moreConcurrency,
            },
            precision,
            model,
          );
          expect(orInfinity(bigger.gpusPerReplica)).toBeGreaterThanOrEqual(
            orInfinity(base.gpusPerReplica),
          );
          expect(orInfinity(bigger.totalGpus)).toBeGreaterThanOrEqual(orInfinity(base.totalGpus));
        },
      ),
    );
  });

  it('more tokens never need fewer replicas; the cost never falls', () => {
    fc.assert(
      fc.property(
        familyArb,
        gpuArb,
        precisionArb,
        workloadArb,
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        fc.double({ min: 0, max: 1e11, noNaN: true }),
        (f, g, precision, w, moreInput, moreOutput) => {
          const fam = toFamily(f);
          const base = sizeSelfHosting(fam, g, w, precision, model);
          const busier = sizeSelfHosting(
            fam,
            g,
            {
              ...w,
              monthlyInputTokens: w.monthlyInputTokens + moreInput,
              monthlyOutputTokens: w.monthlyOutputTokens + moreOutput,
            },
            precision,
            model,
          );
          expect(busier.feasible).toBe(base.feasible);
          if (!base.feasible) return;
          expect(busier.replicas!).toBeGreaterThanOrEqual(base.replicas!);
          expect(busier.monthlyGpuCost!).toBeGreaterThanOrEqual(base.monthlyGpuCost!);
        },
      ),
    );
  });

  it('a feasible sizing always holds its replica and costs GPUs x replicas x price x 730', () => {
    fc.assert(
      fc.property(familyArb, gpuArb, precisionArb, workloadArb, (f, g, precision, w) => {
        const s = sizeSelfHosting(toFamily(f), g, w, precision, model);
        if (!s.feasible) return;
        expect(s.totalGbPerReplica!).toBeLessThanOrEqual(s.usableGbPerReplica! + 1e-9);
        expect(model.memory.tensorParallelSizes.value).toContain(s.gpusPerReplica);
        expect(s.replicas!).toBeGreaterThanOrEqual(1);
        expect(s.monthlyGpuCost!).toBeCloseTo(
          s.gpusPerReplica! * s.replicas! * g.hourlyPriceUsd * 730,
          6,
        );
      }),
    );
  });
});
