import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogData, type CatalogData } from '../catalog/catalog-data';
import { parsePlanningModel, type PlanningModel } from '../domain/planning/planning-model';
import type {
  AlternativesCatalog,
  CandidateVendorInput,
} from '../domain/planning/rank-alternatives';
import type { Portfolio } from '../domain/portfolio';

/** data/planning-model.json: the sizing and ranking constants with their rationale. */
export const PLANNING_MODEL_FILE = join(__dirname, '..', '..', 'data', 'planning-model.json');

let planningModel: PlanningModel | undefined;
let catalogData: CatalogData | undefined;

/** Read and validated once per process (each worker thread has its own copy). */
export function loadPlanningModel(): PlanningModel {
  planningModel ??= parsePlanningModel(JSON.parse(readFileSync(PLANNING_MODEL_FILE, 'utf8')));
  return planningModel;
}

export function planningCatalogData(): CatalogData {
  catalogData ??= loadCatalogData();
  return catalogData;
}

/**
 * The candidates for a portfolio: every catalog model, and every catalog vendor plus the
 * organization's own. A vendor the portfolio knows comes with its regulatory events, so the
 * ranking's residual exposure counts them.
 */
export function alternativesCatalog(
  portfolio: Portfolio,
  data = planningCatalogData(),
): AlternativesCatalog {
  const known = new Map(portfolio.vendors.map((v) => [v.id, v]));
  const vendors: CandidateVendorInput[] = data.vendors.map((v) => {
    const own = known.get(v.id);
    return {
      id: v.id,
      name: v.name,
      kind: v.kind,
      headquartersCountry: v.headquartersCountry,
      jurisdictions: v.jurisdictions,
      regimes: v.regimes,
      events: own?.events ?? [],
    };
  });
  const catalogIds = new Set(data.vendors.map((v) => v.id));
  for (const v of portfolio.vendors) {
    if (catalogIds.has(v.id)) continue;
    vendors.push({
      id: v.id,
      name: v.name,
      kind: v.kind,
      headquartersCountry: v.headquartersCountry,
      jurisdictions: v.jurisdictions,
      regimes: v.regimes,
      events: v.events,
    });
  }
  const apiOf = new Map(data.vendors.map((v) => [v.id, v]));
  return {
    models: data.models.map((m) => ({
      id: m.id,
      vendorId: m.providerId,
      name: m.name,
      inputModalities: m.inputModalities,
      outputModalities: m.outputModalities,
      toolCalling: m.toolCalling,
      reasoning: m.reasoning,
      contextWindow: m.contextWindow,
      inputPricePerMTok: m.inputPricePerMTok,
      outputPricePerMTok: m.outputPricePerMTok,
      openWeights: m.openWeights,
      openWeightsFamilyId: m.openWeightsFamilyId,
      apiFamily: apiOf.get(m.providerId)?.apiFamily ?? null,
      openAiCompatible: apiOf.get(m.providerId)?.openAiCompatible ?? null,
    })),
    vendors,
    families: data.families,
    gpus: data.gpus,
  };
}

/** The API each catalog vendor speaks; the organization's own vendors are unknown. */
export function vendorApiFamilies(data = planningCatalogData()): Record<string, string | null> {
  return Object.fromEntries(data.vendors.map((v) => [v.id, v.apiFamily]));
}
