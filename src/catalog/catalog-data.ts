import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VendorKind } from '../domain/vocabulary';

/** Shapes of the checked-in catalog under data/catalog (written by `npm run catalog:import` and by hand). */
export interface CatalogModel {
  id: string;
  providerId: string;
  modelId: string;
  name: string;
  inputModalities: string[] | null;
  outputModalities: string[] | null;
  toolCalling: boolean | null;
  reasoning: boolean | null;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  openWeights: boolean | null;
  releaseDate: string | null;
  openWeightsFamilyId: string | null;
}

export interface CatalogVendor {
  id: string;
  name: string;
  legalName: string | null;
  headquartersCountry: string | null;
  jurisdictions: string[];
  regimes: string[];
  kind: VendorKind;
  openWeights: boolean | null;
  /** The API its endpoint speaks, e.g. `openai`, `anthropic`, `gemini`; null when unknown. */
  apiFamily: string | null;
  /** Whether it also documents an OpenAI-compatible endpoint; null when unknown. */
  openAiCompatible: boolean | null;
  certifications: string[];
  unknown: string[];
  notes: string | null;
}

export interface OpenWeightsFamily {
  id: string;
  family: string;
  name: string;
  developer: string | null;
  totalParamsB: number | null;
  activeParamsB: number | null;
  layers: number | null;
  kvLayers: number | null;
  kvHeads: number | null;
  headDim: number | null;
  attention: string | null;
  kvCacheBytesPerTokenBf16: number | null;
  contextWindow: number | null;
  licence: string | null;
}

export interface CatalogGpu {
  id: string;
  name: string;
  vendor: string;
  memoryGb: number;
  memoryBandwidthGBps: number | null;
  bf16DenseTflops: number | null;
  hourlyPriceUsd: number;
  priceSource: string;
  priceDate: string;
  notes: string | null;
}

export interface CatalogData {
  source: { package: string; version: string; importedAt: string };
  vendorsVersion: string;
  gpusVersion: string;
  familiesVersion: string;
  regimes: { id: string; description: string }[];
  models: CatalogModel[];
  vendors: CatalogVendor[];
  families: OpenWeightsFamily[];
  gpus: CatalogGpu[];
}

/** data/catalog, found from src/catalog and from dist/catalog alike. */
export const CATALOG_DIR = join(__dirname, '..', '..', 'data', 'catalog');

export function loadCatalogData(dir = CATALOG_DIR): CatalogData {
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
  const models = read<{ source: CatalogData['source']; models: CatalogModel[] }>('models.json');
  const vendors = read<{
    version: string;
    regimes: CatalogData['regimes'];
    vendors: CatalogVendor[];
  }>('vendors.json');
  const families = read<{ version: string; families: OpenWeightsFamily[] }>(
    'open-weights-families.json',
  );
  const gpus = read<{ version: string; gpus: CatalogGpu[] }>('gpus.json');
  return {
    source: models.source,
    vendorsVersion: vendors.version,
    gpusVersion: gpus.version,
    familiesVersion: families.version,
    regimes: vendors.regimes,
    models: models.models,
    vendors: vendors.vendors,
    families: families.families,
    gpus: gpus.gpus,
  };
}
