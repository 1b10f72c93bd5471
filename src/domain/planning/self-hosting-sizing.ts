/**
 * Sizing a self-hosted open-weights replacement: memory per replica -> GPUs per replica ->
 * replicas for the peak token rate -> monthly GPU cost, set against today's API spend.
 *
 * Units: parameters in billions (B), memory in GB (10^9 bytes; GPU memory as the catalog gives
 * it), rates in tokens per second, money in the GPU price list's currency per month.
 */
import { formatNumber, nonNegative, type Factor } from '../explanation';
import { PRECISIONS, type PlanningModel, type Precision } from './planning-model';

/** The fields of an open-weights family (data/catalog/open-weights-families.json) sizing reads. */
export interface OpenWeightsFamilyInput {
  id: string;
  name: string;
  /** Billions, every expert of a mixture-of-experts model included. */
  totalParamsB: number | null;
  /** Billions used per token; equal to totalParamsB for dense models. */
  activeParamsB: number | null;
  kvLayers: number | null;
  kvHeads: number | null;
  headDim: number | null;
  /** `standard` (MHA/GQA/MQA) or `mla`. */
  attention: string | null;
  /** KV-cache bytes per token at 16 bit over kvLayers. */
  kvCacheBytesPerTokenBf16: number | null;
  /** Longest context of the released weights, tokens. */
  contextWindow: number | null;
}

/** The fields of a GPU (data/catalog/gpus.json) sizing reads. */
export interface GpuInput {
  id: string;
  name: string;
  memoryGb: number;
  memoryBandwidthGBps: number | null;
  bf16DenseTflops: number | null;
  hourlyPriceUsd: number;
}

export interface SelfHostingWorkload {
  monthlyInputTokens: number;
  monthlyOutputTokens: number;
  /** Tokens of context (prompt plus answer) each in-flight sequence holds. */
  contextTokens: number;
  /** Sequences each replica holds in its KV cache at once. */
  concurrency: number;
  /** Today's monthly API spend for this volume, in the GPU price list's currency. */
  currentMonthlySpend?: number | null;
}

export type SizingInfeasibility =
  | 'unknown_parameters'
  | 'unknown_kv_cache'
  | 'unknown_bandwidth'
  | 'context_exceeds_model'
  | 'exceeds_largest_replica';

export interface SelfHostingSizing {
  familyId: string;
  familyName: string;
  gpuId: string;
  gpuName: string;
  precision: Precision;
  feasible: boolean;
  /** Why no replica can be built; null when feasible. The explanation is empty unless explained. */
  infeasibility: { code: SizingInfeasibility; explanation: string } | null;
  /** total parameters x bytes per parameter x (1 + quantisation overhead). */
  weightsGb: number | null;
  /** KV bytes per token x KV precision scale x context x concurrency. */
  kvCacheGb: number | null;
  /** Runtime overhead at the chosen (or, when infeasible, the largest) tensor-parallel size. */
  overheadGb: number | null;
  /** weights + KV cache + overhead, per replica. */
  totalGbPerReplica: number | null;
  /** GPUs per replica x GPU memory x usable fraction. */
  usableGbPerReplica: number | null;
  /** Smallest allowed tensor-parallel size whose usable memory holds the replica. */
  gpusPerReplica: number | null;
  decodeTokensPerSecond: number | null;
  prefillTokensPerSecond: number | null;
  /** Replicas kept fully busy at the peak hour (before the target utilisation). */
  peakReplicaLoad: number | null;
  replicas: number | null;
  totalGpus: number | null;
  /** totalGpus x hourly price x hours per month. */
  monthlyGpuCost: number | null;
  currentMonthlySpend: number | null;
  /** monthlyGpuCost - currentMonthlySpend: positive when self-hosting costs more. */
  monthlyCostDifference: number | null;
  factors: Factor[];
}

const SECONDS_PER_HOUR = 3600;
/** Guards ceil() against floating-point dust: ceil(2.0000000000004) must stay 2. */
const CEIL_TOLERANCE = 1e-9;

/**
 * KV-cache bytes per token at 16 bit: the catalog's figure, else for standard attention
 * 2 (K and V) x kvHeads x headDim x kvLayers x 2 bytes; null when neither is known.
 */
export function kvBytesPerTokenBf16(family: OpenWeightsFamilyInput): number | null {
  if (family.kvCacheBytesPerTokenBf16 !== null) return family.kvCacheBytesPerTokenBf16;
  const { kvHeads, headDim, kvLayers, attention } = family;
  if (attention === 'standard' && kvHeads !== null && headDim !== null && kvLayers !== null) {
    return 2 * kvHeads * headDim * kvLayers * 2;
  }
  return null;
}

/** Bytes one parameter takes at `precision`: width x (1 + quantisation overhead). */
export function bytesPerParameter(precision: Precision, model: PlanningModel): number {
  return (
    model.memory.bytesPerParameter.value[precision] *
    (1 + model.memory.quantisationOverhead.value[precision])
  );
}

function gb(x: number): string {
  return `${formatNumber(x, 1)} GB`;
}

/**
 * Sizes one self-hosted deployment of `family` on `gpu` at `precision`:
 *
 *   weights GB   = totalParamsB x bytesPerParameter[p] x (1 + quantisationOverhead[p])
 *   KV cache GB  = kvBytesPerTokenBf16 x kvCacheBytesScale[p] x contextTokens x concurrency / 1e9
 *   per tensor-parallel size t (smallest allowed first):
 *     overhead GB = t x memoryGb x runtimeOverheadFraction
 *     fits when weights + KV cache + overhead <= t x memoryGb x usableMemoryFraction
 *   decode tok/s  = bandwidthEfficiency x t x bandwidth GB/s / (activeParamsB x bytes per param)
 *                   x batchingMultiplier          (memory-bound: each step reads the active weights)
 *   prefill tok/s = prefillEfficiency x t x BF16 TFLOPS x 1e12 / (flopsPerParam x activeParams)
 *                   (the decode rate when the GPU publishes no TFLOPS: conservative)
 *   peak load     = (input / prefill + output / decode) / (hoursPerMonth x 3600) x peakToAverage
 *   replicas      = max(minimumReplicas, ceil(peak load / targetUtilisation))
 *   monthly cost  = t x replicas x hourly price x hoursPerMonth
 *
 * Weights count the total parameters (all experts stay resident) while throughput counts the
 * active ones, so a mixture-of-experts model is memory-hungry but fast. Not modelled: pipeline
 * parallelism across nodes, KV-cache reads in the decode rate, prefix caching, speculative
 * decoding. Negative workload figures count as 0.
 */
export function sizeSelfHosting(
  family: OpenWeightsFamilyInput,
  gpu: GpuInput,
  workload: SelfHostingWorkload,
  precision: Precision,
  model: PlanningModel,
  explain = true,
): SelfHostingSizing {
  const { memory, throughput, capacity } = model;
  const input = nonNegative(workload.monthlyInputTokens);
  const output = nonNegative(workload.monthlyOutputTokens);
  const context = nonNegative(workload.contextTokens);
  const concurrency = nonNegative(workload.concurrency);
  const current =
    workload.currentMonthlySpend === undefined || workload.currentMonthlySpend === null
      ? null
      : nonNegative(workload.currentMonthlySpend);

  const result: SelfHostingSizing = {
    familyId: family.id,
    familyName: family.name,
    gpuId: gpu.id,
    gpuName: gpu.name,
    precision,
    feasible: false,
    infeasibility: null,
    weightsGb: null,
    kvCacheGb: null,
    overheadGb: null,
    totalGbPerReplica: null,
    usableGbPerReplica: null,
    gpusPerReplica: null,
    decodeTokensPerSecond: null,
    prefillTokensPerSecond: null,
    peakReplicaLoad: null,
    replicas: null,
    totalGpus: null,
    monthlyGpuCost: null,
    currentMonthlySpend: current,
    monthlyCostDifference: null,
    factors: [],
  };
  const factors = result.factors;
  // The explanation text costs more than the arithmetic: written only when asked for.
  const infeasible = (code: SizingInfeasibility, why: () => string): SelfHostingSizing => {
    const explanation = explain ? why() : '';
    result.infeasibility = { code, explanation };
    if (explain) factors.push({ name: 'infeasible', value: 0, unit: code, explanation });
    return result;
  };

  // Memory per replica.
  const width = memory.bytesPerParameter.value[precision];
  const quantOverhead = memory.quantisationOverhead.value[precision];
  const bytesPerParam = bytesPerParameter(precision, model);
  if (explain)
    factors.push({
      name: 'bytes per parameter',
      value: bytesPerParam,
      unit: 'bytes per parameter',
      explanation:
        `${precision}: ${formatNumber(width)} bytes x (1 + ${formatNumber(quantOverhead)} ` +
        `quantisation overhead) = ${formatNumber(bytesPerParam, 3)}. ${memory.quantisationOverhead.rationale}`,
    });
  if (family.totalParamsB === null || !(family.totalParamsB > 0)) {
    return infeasible(
      'unknown_parameters',
      () =>
        `${family.name}: the parameter count is not established, so the weights cannot be sized.`,
    );
  }
  const totalParamsB = family.totalParamsB;
  const weightsGb = totalParamsB * bytesPerParam;
  result.weightsGb = weightsGb;
  if (explain)
    factors.push({
      name: 'weights',
      value: weightsGb,
      unit: 'GB',
      explanation:
        `${formatNumber(totalParamsB, 2)} B total parameters x ` +
        `${formatNumber(bytesPerParam, 3)} bytes = ${gb(weightsGb)} (every expert stays resident).`,
    });

  const window = family.contextWindow;
  if (window !== null && context > window) {
    return infeasible(
      'context_exceeds_model',
      () =>
        `${formatNumber(context, 0)} tokens of context exceed the ${formatNumber(window, 0)} ` +
        `tokens ${family.name} supports.`,
    );
  }
  const kvPerToken = kvBytesPerTokenBf16(family);
  if (kvPerToken === null) {
    return infeasible(
      'unknown_kv_cache',
      () =>
        `${family.name}: the attention layout is not established, so the KV cache cannot be sized.`,
    );
  }
  const kvScale = memory.kvCacheBytesScale.value[precision];
  const kvCacheGb = (kvPerToken * kvScale * context * concurrency) / 1e9;
  result.kvCacheGb = kvCacheGb;
  if (explain)
    factors.push({
      name: 'KV cache',
      value: kvCacheGb,
      unit: 'GB',
      explanation:
        `${formatNumber(kvPerToken, 0)} bytes per token at 16 bit x ${formatNumber(kvScale)} ` +
        `(cache precision with ${precision} weights) x ${formatNumber(context, 0)} tokens x ` +
        `${formatNumber(concurrency, 0)} sequences = ${gb(kvCacheGb)}.`,
    });

  const usableFraction = memory.usableMemoryFraction.value;
  const overheadFraction = memory.runtimeOverheadFraction.value;
  const sizes = memory.tensorParallelSizes.value;
  let chosen: number | null = null;
  for (const t of sizes) {
    const overhead = t * gpu.memoryGb * overheadFraction;
    const usable = t * gpu.memoryGb * usableFraction;
    result.overheadGb = overhead;
    result.totalGbPerReplica = weightsGb + kvCacheGb + overhead;
    result.usableGbPerReplica = usable;
    if (weightsGb + kvCacheGb + overhead <= usable) {
      chosen = t;
      break;
    }
  }
  const largest = sizes[sizes.length - 1];
  const tried = chosen ?? largest;
  if (explain)
    factors.push({
      name: 'runtime overhead',
      value: result.overheadGb ?? 0,
      unit: 'GB',
      explanation:
        `${formatNumber(overheadFraction)} of each GPU's ${formatNumber(gpu.memoryGb)} GB x ` +
        `${tried} GPU(s) = ${gb(result.overheadGb ?? 0)} (activations, CUDA graphs, fragmentation).`,
    });
  if (explain)
    factors.push({
      name: 'usable memory per replica',
      value: result.usableGbPerReplica ?? 0,
      unit: 'GB',
      explanation:
        `${tried} x ${formatNumber(gpu.memoryGb)} GB x ${formatNumber(usableFraction)} usable = ` +
        `${gb(result.usableGbPerReplica ?? 0)} against ${gb(result.totalGbPerReplica ?? 0)} needed.`,
    });
  if (chosen === null) {
    return infeasible(
      'exceeds_largest_replica',
      () =>
        `Even ${largest} x ${gpu.name} (${gb(result.usableGbPerReplica ?? 0)} usable) cannot hold ` +
        `${gb(result.totalGbPerReplica ?? 0)} of weights, KV cache and overhead.`,
    );
  }
  result.gpusPerReplica = chosen;
  const smaller = sizes.filter((t) => t < chosen);
  if (explain)
    factors.push({
      name: 'GPUs per replica',
      value: chosen,
      unit: 'GPUs (tensor parallel)',
      explanation:
        smaller.length === 0
          ? `One replica fits on ${chosen} x ${gpu.name}.`
          : `${smaller.join(', ')} GPU(s) do not hold ${gb(weightsGb + kvCacheGb)} of weights and ` +
            `KV cache plus overhead; ${chosen} x ${gpu.name} do.`,
    });

  // Throughput per replica.
  if (gpu.memoryBandwidthGBps === null || !(gpu.memoryBandwidthGBps > 0)) {
    return infeasible(
      'unknown_bandwidth',
      () => `${gpu.name}: no memory bandwidth on record, so the decode rate cannot be estimated.`,
    );
  }
  const bandwidth = gpu.memoryBandwidthGBps;
  const activeB =
    family.activeParamsB !== null && family.activeParamsB > 0 ? family.activeParamsB : totalParamsB;
  const efficiency = throughput.memoryBandwidthEfficiency.value;
  const batching = throughput.batchingMultiplier.value;
  const gbReadPerToken = activeB * bytesPerParam;
  const decode = ((efficiency * chosen * bandwidth) / gbReadPerToken) * batching;
  result.decodeTokensPerSecond = decode;
  if (explain)
    factors.push({
      name: 'decode rate',
      value: decode,
      unit: 'tokens per second per replica',
      explanation:
        `${formatNumber(efficiency)} x ${chosen} x ${formatNumber(bandwidth, 0)} GB/s / ` +
        `(${formatNumber(activeB, 2)} B active parameters x ${formatNumber(bytesPerParam, 3)} bytes` +
        `${family.activeParamsB === null ? ', active count unknown so all counted' : ''}) x ` +
        `${formatNumber(batching)} batching = ${formatNumber(decode, 0)} tok/s.`,
    });
  let prefill = decode;
  const tflops = gpu.bf16DenseTflops;
  if (tflops !== null && tflops > 0) {
    const mfu = throughput.prefillComputeEfficiency.value;
    const flops = throughput.flopsPerParameterPerToken.value;
    prefill = (mfu * chosen * tflops * 1e12) / (flops * activeB * 1e9);
    if (explain)
      factors.push({
        name: 'prefill rate',
        value: prefill,
        unit: 'tokens per second per replica',
        explanation:
          `${formatNumber(mfu)} x ${chosen} x ${formatNumber(tflops, 0)} TFLOPS / ` +
          `(${formatNumber(flops)} FLOP x ${formatNumber(activeB, 2)} B active parameters) = ` +
          `${formatNumber(prefill, 0)} tok/s.`,
      });
  } else {
    if (explain)
      factors.push({
        name: 'prefill rate',
        value: prefill,
        unit: 'tokens per second per replica',
        explanation: `${gpu.name} publishes no BF16 TFLOPS: input tokens are counted at the decode rate (conservative).`,
      });
  }
  result.prefillTokensPerSecond = prefill;

  // Replicas for the peak.
  const hours = capacity.hoursPerMonth.value;
  const busySeconds = input / prefill + output / decode;
  const averageLoad = busySeconds / (hours * SECONDS_PER_HOUR);
  const peakRatio = capacity.peakToAverageRatio.value;
  const peakLoad = averageLoad * peakRatio;
  const target = capacity.targetUtilisation.value;
  const replicas = Math.max(
    capacity.minimumReplicas.value,
    Math.ceil(peakLoad / target - CEIL_TOLERANCE),
  );
  result.peakReplicaLoad = peakLoad;
  result.replicas = replicas;
  if (explain)
    factors.push({
      name: 'peak load',
      value: peakLoad,
      unit: 'busy replicas at peak',
      explanation:
        `(${formatNumber(input, 0)} input / ${formatNumber(prefill, 0)} + ${formatNumber(output, 0)} ` +
        `output / ${formatNumber(decode, 0)} tok/s) = ${formatNumber(busySeconds / SECONDS_PER_HOUR, 1)} ` +
        `replica-hours over ${formatNumber(hours)} h, x ${formatNumber(peakRatio)} peak-to-average = ` +
        `${formatNumber(peakLoad, 3)}.`,
    });
  if (explain)
    factors.push({
      name: 'replicas',
      value: replicas,
      unit: 'replicas',
      explanation:
        `ceil(${formatNumber(peakLoad, 3)} / ${formatNumber(target)} target utilisation), at least ` +
        `${formatNumber(capacity.minimumReplicas.value)}: ${replicas}.`,
    });

  // Cost.
  const totalGpus = chosen * replicas;
  const cost = totalGpus * gpu.hourlyPriceUsd * hours;
  result.totalGpus = totalGpus;
  result.monthlyGpuCost = cost;
  result.feasible = true;
  if (explain)
    factors.push({
      name: 'monthly GPU cost',
      value: cost,
      unit: 'money per month',
      explanation:
        `${chosen} GPU(s) x ${replicas} replica(s) x ${formatNumber(gpu.hourlyPriceUsd, 3)} per GPU-hour ` +
        `x ${formatNumber(hours)} h = ${formatNumber(cost)}.`,
    });
  if (current !== null) {
    result.monthlyCostDifference = cost - current;
    if (explain)
      factors.push({
        name: 'against today',
        value: cost - current,
        unit: 'money per month',
        explanation:
          `Today's API spend is ${formatNumber(current)} a month: self-hosting ` +
          (cost >= current
            ? `costs ${formatNumber(cost - current)} more.`
            : `saves ${formatNumber(current - cost)}.`),
      });
  }
  return result;
}

/**
 * Orders sizings: feasible before infeasible; feasible by monthly cost, then total GPUs, then
 * higher precision (bf16 before fp8 before int4), then GPU id; infeasible by GPU id, precision.
 */
export function compareSizings(a: SelfHostingSizing, b: SelfHostingSizing): number {
  if (a.feasible !== b.feasible) return a.feasible ? -1 : 1;
  if (a.feasible) {
    const byCost = (a.monthlyGpuCost ?? 0) - (b.monthlyGpuCost ?? 0);
    if (byCost !== 0) return byCost;
    const byGpus = (a.totalGpus ?? 0) - (b.totalGpus ?? 0);
    if (byGpus !== 0) return byGpus;
  }
  const byPrecision = PRECISIONS.indexOf(a.precision) - PRECISIONS.indexOf(b.precision);
  const byGpu = a.gpuId < b.gpuId ? -1 : a.gpuId > b.gpuId ? 1 : 0;
  return a.feasible ? byPrecision || byGpu : byGpu || byPrecision;
}

/**
 * Every GPU x precision sizing of `family` for `workload`, cheapest feasible first (see
 * `compareSizings`); the infeasible ones follow with their reasons. The first entry is the best
 * option when it is feasible, and the only one with its `factors` written out (none are when
 * `explainBest` is false: a caller comparing many families explains the one it keeps).
 */
export function bestSelfHostingOptions(
  family: OpenWeightsFamilyInput,
  gpus: readonly GpuInput[],
  workload: SelfHostingWorkload,
  model: PlanningModel,
  explainBest = true,
): SelfHostingSizing[] {
  const sizings: SelfHostingSizing[] = [];
  for (const gpu of gpus) {
    for (const precision of PRECISIONS) {
      sizings.push(sizeSelfHosting(family, gpu, workload, precision, model, false));
    }
  }
  sizings.sort(compareSizings);
  // Only the best option is shown with its working; the rest are compared by their numbers.
  const best = sizings[0];
  const gpu =
    best === undefined || !explainBest ? undefined : gpus.find((g) => g.id === best.gpuId);
  if (gpu !== undefined) sizings[0] = sizeSelfHosting(family, gpu, workload, best.precision, model);
  return sizings;
}
