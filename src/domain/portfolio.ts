/**
 * Plain input types of the exposure model. Services map entities onto these; nothing here knows
 * about persistence. Money is in the organization's currency, times are ISO 8601 strings.
 */

import type {
  AccessPath,
  Criticality,
  FallbackStatus,
  RegulatoryEventKind,
  VendorKind,
} from './vocabulary';

export {
  ACCESS_PATHS,
  CRITICALITIES,
  FALLBACK_STATUSES,
  REGULATORY_EVENT_KINDS,
  VENDOR_KINDS,
} from './vocabulary';
export type { AccessPath, Criticality, FallbackStatus, RegulatoryEventKind, VendorKind };

export type Severity = 1 | 2 | 3 | 4 | 5;

export interface OrganizationProfile {
  /** ISO 3166-1 alpha-2 country code. */
  homeJurisdiction: string;
  annualRevenue: number;
  annualRndBudget: number;
  annualAiBudget: number;
  /** Money the board tolerates losing in a year; the 100 mark of every score. */
  riskAppetite: number;
  currency: string;
}

export interface RegulatoryEventProfile {
  /** ISO date of the event. */
  date: string;
  regime: string;
  kind: RegulatoryEventKind;
  severity: Severity;
}

export interface VendorProfile {
  id: string;
  name: string;
  headquartersCountry: string | null;
  /** Jurisdictions the vendor operates under: ISO country codes or group names such as `EU`. */
  jurisdictions: string[];
  /** Regulatory regimes the vendor is subject to (e.g. `US export controls`, `EU AI Act`). */
  regimes: string[];
  kind: VendorKind;
  openWeights: boolean | null;
  events: RegulatoryEventProfile[];
}

export interface FallbackProfile {
  status: FallbackStatus;
  vendorId: string | null;
  modelId: string | null;
  /** ISO timestamp of the last failover test. */
  lastTestedAt: string | null;
  /** The lab whose closed model the fallback buys through its vendor (see modelMaker). */
  upstreamVendorId?: string | null;
}

export interface SwitchingProfile {
  fineTuned: boolean;
  vendorSpecificFeatures: boolean;
  evaluationSuite: boolean;
  gateway: boolean;
}

export interface DependencyProfile {
  id: string;
  name: string;
  team: string;
  vendorId: string;
  modelId: string | null;
  accessPath: AccessPath;
  criticality: Criticality;
  /** No human in the loop: the pipeline stops completely when the model does. */
  automated: boolean;
  monthlySpend: number;
  monthlyInputTokens: number;
  monthlyOutputTokens: number;
  monthlyRevenueAtStake: number;
  /** Recovery time objective, hours. */
  rtoHours: number;
  fallback: FallbackProfile;
  switching: SwitchingProfile;
  /** Ids of internal dependencies this one relies on: their outage stops this one too. */
  dependsOn: string[];
  /**
   * Where the use's data (and users) must stay: an ISO 3166-1 alpha-2 code or a group such as
   * `EU`. Unset or null: the organization's home jurisdiction. Read by region-block scenarios.
   */
  dataResidency?: string | null;
  /**
   * The lab whose closed model it buys through its vendor (a reseller's `openai/gpt-4o`, an
   * aggregator's `openrouter/anthropic/...`, Azure's GPT): an order against the lab reaches it.
   */
  upstreamVendorId?: string | null;
}

export interface CreditBand {
  /** The band applies when the achieved uptime (percent) is below this. */
  belowPercent: number;
  /** Credit as a percentage of the monthly fee. */
  creditPercent: number;
}

export interface CommitmentProfile {
  id: string;
  clientName: string;
  /** Promised uptime in percent, e.g. 99.9. */
  uptimePercent: number;
  /** Measurement window in days, e.g. 30. */
  windowDays: number;
  monthlyFee: number;
  creditBands: CreditBand[];
  penaltyPerHour: number | null;
  /** The dependencies the promised service runs on. */
  dependencyIds: string[];
}

export interface Portfolio {
  organization: OrganizationProfile;
  vendors: VendorProfile[];
  dependencies: DependencyProfile[];
  commitments: CommitmentProfile[];
}
