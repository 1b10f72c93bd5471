import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogData, type CatalogData } from '../catalog/catalog-data';
import { modelMaker } from '../domain/model-maker';
import type { FailoverPlanInput } from '../domain/planning/build-failover-plan';
import type { RunbookContract } from '../domain/planning/build-runbook';
import { parsePlanningModel, type PlanningModel } from '../domain/planning/planning-model';
import type {
  AlternativesCatalog,
  CandidateVendorInput,
} from '../domain/planning/rank-alternatives';
import type { Portfolio, RegulatoryEventProfile, VendorProfile } from '../domain/portfolio';
import type { ScoringModel } from '../domain/scoring-model';
import type { SimulationResult } from '../domain/simulation/run-shutdown-simulation';
import type { PlanDocumentContext } from './plan-document';

/** The currency of the shipped catalog's token and GPU prices. */
const CATALOG_PRICE_CURRENCY = 'USD';

/** data/planning-model.json: the sizing and ranking constants with their rationale. */
const PLANNING_MODEL_FILE = join(__dirname, '..', '..', 'data', 'planning-model.json');

let planningModel: PlanningModel | undefined;
let catalogData: CatalogData | undefined;

/** Read and validated once per process (each worker thread has its own copy). */
function loadPlanningModel(): PlanningModel {
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
  const vendors = data.vendors.map((v) => toCandidateVendor(v, known.get(v.id)?.events ?? []));
  const catalogIds = new Set(data.vendors.map((v) => v.id));
  for (const v of portfolio.vendors) {
    if (!catalogIds.has(v.id)) vendors.push(toCandidateVendor(v, v.events));
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
      makerId: modelMaker(m.id, m.providerId, m.openWeights),
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

function toCandidateVendor(
  v: Pick<
    VendorProfile,
    'id' | 'name' | 'kind' | 'headquartersCountry' | 'jurisdictions' | 'regimes'
  >,
  events: RegulatoryEventProfile[],
): CandidateVendorInput {
  const { id, name, kind, headquartersCountry, jurisdictions, regimes } = v;
  return { id, name, kind, headquartersCountry, jurisdictions, regimes, events };
}

/** Everything `buildFailoverPlan` needs besides the run, from the shipped catalog and models. */
export function failoverPlanInput(
  portfolio: Portfolio,
  simulation: SimulationResult,
  contracts: RunbookContract[],
  scoringModel: ScoringModel,
): FailoverPlanInput {
  const data = planningCatalogData();
  return {
    portfolio,
    simulation,
    catalog: alternativesCatalog(portfolio, data),
    vendorApiFamilies: vendorApiFamilies(data),
    contracts,
    planningModel: loadPlanningModel(),
    scoringModel,
    asOf: new Date(simulation.asOf),
    priceCurrency: CATALOG_PRICE_CURRENCY,
  };
}

/** What the plan document says besides the plan: the run, the catalog and the model used. */
export function planDocumentContext(
  organizationName: string,
  simulationRunId: string,
  simulation: Pick<SimulationResult, 'iterations' | 'seed'>,
  simulatedAt: string,
): PlanDocumentContext {
  const data = planningCatalogData();
  return {
    organizationName,
    simulationRunId,
    iterations: simulation.iterations,
    seed: simulation.seed,
    generatedAt: simulatedAt,
    catalog: {
      models: data.models.length,
      source: `${data.source.package} ${data.source.version}`,
      gpus: data.gpus,
    },
    planningModel: loadPlanningModel(),
  };
}
