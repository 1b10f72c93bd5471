/**
 * The runbook of a failover plan: five phases (detect, contain, fail over, migrate, stabilise),
 * each a list of ordered steps per dependency, with owners, deadlines from the order's start, the
 * recovery-time gap of each dependency and the contract levers per vendor. Pure and deterministic:
 * the same input gives the same runbook, whatever the order of its lists.
 */
import { CRITICALITIES, type Criticality, type FallbackStatus } from '../portfolio';

export const RUNBOOK_PHASES = ['detect', 'contain', 'fail_over', 'migrate', 'stabilise'] as const;
export type RunbookPhaseName = (typeof RUNBOOK_PHASES)[number];

/** Owners of the portfolio-wide steps. */
export const RISK_OFFICE = 'Risk office';
export const PROCUREMENT = 'Procurement';

export interface RunbookAlternative {
  modelId: string;
  vendorId: string;
  /** How people call it, e.g. "GPT-4o on OpenAI" or "Llama 3.3 70B". */
  label: string;
  selfHosted: boolean;
}

export interface RunbookDependency {
  id: string;
  name: string;
  /** The team that owns the dependency's steps. */
  team: string;
  vendorId: string;
  vendorName: string;
  criticality: Criticality;
  /** Recovery time objective, hours (>= 0). */
  rtoHours: number;
  /** Expected hours until a working replacement runs (>= 0). */
  timeToFailoverHours: number;
  fallbackStatus: FallbackStatus;
  /** The replacement the plan chose; null when it chose none. */
  chosenAlternative: RunbookAlternative | null;
  /** Ids of dependencies this one relies on; ids outside the input are ignored. */
  dependsOn: string[];
}

export interface RunbookContract {
  vendorId: string;
  vendorName: string;
  name: string;
  /** Days of notice to terminate; null when the contract states none. */
  terminationNoticeDays: number | null;
  exitAssistance: boolean;
  regulatoryChangeClause: boolean;
  forceMajeureCoversRegulatory: boolean;
  dataPortability: boolean;
}

/** Hours from the order's start for the portfolio-wide steps (data/planning-model.json `runbook`). */
export interface RunbookTimings {
  detectHours: number;
  containHours: number;
  stabiliseHours: number;
}

export interface RunbookInput {
  dependencies: RunbookDependency[];
  contracts: RunbookContract[];
  timings: RunbookTimings;
}

export interface RunbookStep {
  /** 1-based position within the phase. */
  order: number;
  /** Null for a portfolio-wide step. */
  dependencyId: string | null;
  owner: string;
  action: string;
  /** Hours from the order's start by which the step is due. */
  deadlineHours: number;
}

export interface RunbookPhase {
  phase: RunbookPhaseName;
  steps: RunbookStep[];
}

export interface RecoveryGap {
  dependencyId: string;
  name: string;
  owner: string;
  criticality: Criticality;
  rtoHours: number;
  timeToFailoverHours: number;
  /** max(0, time to failover - RTO), hours. */
  gapHours: number;
  rtoMet: boolean;
}

export type ContractLeverKind =
  'regulatory_change_clause' | 'exit_assistance' | 'data_portability' | 'termination_notice';

export interface ContractLever {
  kind: ContractLeverKind;
  available: boolean;
  /** What to do (when available) or what is missing (when not). */
  action: string;
}

export interface VendorContractLevers {
  vendorId: string;
  contractName: string;
  /** The dependencies running on the vendor, in runbook order. */
  dependencyIds: string[];
  levers: ContractLever[];
  notes: string[];
}

export interface Runbook {
  phases: RunbookPhase[];
  /** One per dependency, in runbook order. */
  recoveryGaps: RecoveryGap[];
  /** One per contract, by vendor id then contract name. */
  contractLevers: VendorContractLevers[];
  /** Vendors some dependency runs on that no contract covers, sorted. */
  vendorsWithoutContract: string[];
}

/** max(0, time to failover - RTO) in hours, and whether the RTO is met. */
export function recoveryGap(
  rtoHours: number,
  timeToFailoverHours: number,
): { gapHours: number; rtoMet: boolean } {
  return {
    gapHours: Math.max(0, timeToFailoverHours - rtoHours),
    rtoMet: timeToFailoverHours <= rtoHours,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertHours(value: number, label: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${label} must be a finite number >= 0`);
  }
}

/**
 * Depth of each dependency in the graph of `dependsOn` restricted to the input: 0 for one that
 * relies on none of the others, else 1 + the deepest it relies on. Edges closing a cycle are
 * ignored; traversal runs in id order so the result does not depend on the input's order.
 */
export function dependencyDepths(dependencies: readonly RunbookDependency[]): Map<string, number> {
  const edges = new Map<string, string[]>();
  for (const d of dependencies) edges.set(d.id, []);
  for (const d of dependencies) {
    const deps = [...new Set(d.dependsOn)].filter((id) => edges.has(id) && id !== d.id);
    edges.set(d.id, deps.sort(compareText));
  }
  const depth = new Map<string, number>();
  const onStack = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    onStack.add(id);
    let result = 0;
    for (const dep of edges.get(id) ?? []) {
      if (onStack.has(dep)) continue;
      result = Math.max(result, visit(dep) + 1);
    }
    onStack.delete(id);
    depth.set(id, result);
    return result;
  };
  for (const id of [...edges.keys()].sort(compareText)) visit(id);
  return depth;
}

/**
 * Orders dependencies for the runbook: criticality (critical first), then recovery-time gap
 * (largest first), then depth in the dependency graph (a dependency after those it relies on),
 * then name and id for a stable tie-break.
 */
export function orderDependencies(dependencies: readonly RunbookDependency[]): RunbookDependency[] {
  const depths = dependencyDepths(dependencies);
  const rank = (c: Criticality) => CRITICALITIES.indexOf(c);
  const gap = (d: RunbookDependency) => recoveryGap(d.rtoHours, d.timeToFailoverHours).gapHours;
  return [...dependencies].sort(
    (a, b) =>
      rank(a.criticality) - rank(b.criticality) ||
      gap(b) - gap(a) ||
      (depths.get(a.id) ?? 0) - (depths.get(b.id) ?? 0) ||
      compareText(a.name, b.name) ||
      compareText(a.id, b.id),
  );
}

function hours(value: number): string {
  return `${Number.isInteger(value) ? value : Number(value.toFixed(2))} h`;
}

function alternativeLabel(alternative: RunbookAlternative): string {
  return alternative.selfHosted ? `self-hosted ${alternative.label}` : alternative.label;
}

function failOverAction(d: RunbookDependency): string {
  const { gapHours } = recoveryGap(d.rtoHours, d.timeToFailoverHours);
  const gapNote =
    gapHours > 0
      ? ` Expected in ${hours(d.timeToFailoverHours)}, ${hours(gapHours)} past the RTO of ${hours(d.rtoHours)}: tell the owners of the affected commitments.`
      : '';
  if (d.chosenAlternative) {
    const status =
      d.fallbackStatus === 'tested'
        ? 'tested'
        : d.fallbackStatus === 'documented'
          ? 'documented but untested'
          : 'not yet set up';
    return `Switch ${d.name} to ${alternativeLabel(d.chosenAlternative)} (fallback ${status}) and confirm traffic flows.${gapNote}`;
  }
  return `Escalate ${d.name} to the Risk office: no fallback is chosen, keep it stopped or manual until a replacement is agreed.${gapNote}`;
}

function migrateAction(d: RunbookDependency): string {
  if (d.chosenAlternative) {
    return `Make ${alternativeLabel(d.chosenAlternative)} the permanent model for ${d.name}: run the evaluation suite, port prompts and fine-tunes, and move the spend.`;
  }
  return `Select, contract and integrate a replacement for ${d.name} from the ranked alternatives.`;
}

function leversFor(contract: RunbookContract): { levers: ContractLever[]; notes: string[] } {
  const v = contract.vendorName;
  const notice = contract.terminationNoticeDays;
  const levers: ContractLever[] = [
    {
      kind: 'regulatory_change_clause',
      available: contract.regulatoryChangeClause,
      action: contract.regulatoryChangeClause
        ? `Invoke the regulatory-change clause of "${contract.name}" in writing to ${v}.`
        : `"${contract.name}" has no regulatory-change clause: negotiate one at renewal.`,
    },
    {
      kind: 'exit_assistance',
      available: contract.exitAssistance,
      action: contract.exitAssistance
        ? `Request exit assistance from ${v} under "${contract.name}".`
        : `"${contract.name}" grants no exit assistance: plan the migration without ${v}'s help.`,
    },
    {
      kind: 'data_portability',
      available: contract.dataPortability,
      action: contract.dataPortability
        ? `Request an export of prompts, fine-tunes, logs and evaluation data from ${v} under the portability terms.`
        : `"${contract.name}" has no data-portability terms: export what the APIs still allow now.`,
    },
    {
      kind: 'termination_notice',
      available: notice !== null,
      action:
        notice === null
          ? `"${contract.name}" states no termination notice period: have legal confirm how to terminate.`
          : `Serve termination notice to ${v}: ${notice} days (${notice * 24} h) under "${contract.name}".`,
    },
  ];
  const notes = contract.forceMajeureCoversRegulatory
    ? [
        `Force majeure in "${contract.name}" covers regulatory action: ${v} is likely excused from performance and service credits, so do not count on them.`,
      ]
    : [];
  return { levers, notes };
}

/**
 * Builds the runbook. Deadlines, hours from the order's start:
 * - detect: the Risk office opens the incident by `detectHours`; each dependency's team confirms
 *   its impact by min(detectHours, RTO);
 * - contain: Procurement pulls the contract levers by `containHours`; each team freezes or
 *   reroutes by min(containHours, RTO);
 * - fail over: each team by its RTO (the target; the gap says how far the expectation misses it);
 * - migrate: by max(RTO, time to failover); termination notice and exit requests with it;
 * - stabilise: `stabiliseHours` after the migrate deadline; the Risk office closes last.
 * Throws on negative or non-finite hours and on duplicate dependency ids.
 */
export function buildRunbook(input: RunbookInput): Runbook {
  const timings = input.timings;
  assertHours(timings.detectHours, 'timings.detectHours');
  assertHours(timings.containHours, 'timings.containHours');
  assertHours(timings.stabiliseHours, 'timings.stabiliseHours');
  const seen = new Set<string>();
  for (const d of input.dependencies) {
    if (seen.has(d.id)) throw new Error(`duplicate dependency id ${d.id}`);
    seen.add(d.id);
    assertHours(d.rtoHours, `rtoHours of ${d.id}`);
    assertHours(d.timeToFailoverHours, `timeToFailoverHours of ${d.id}`);
  }
  for (const c of input.contracts) {
    if (c.terminationNoticeDays !== null) {
      assertHours(c.terminationNoticeDays, `terminationNoticeDays of ${c.vendorId}`);
    }
  }

  const ordered = orderDependencies(input.dependencies);
  const contracts = [...input.contracts].sort(
    (a, b) => compareText(a.vendorId, b.vendorId) || compareText(a.name, b.name),
  );
  const migrateDeadline = (d: RunbookDependency) => Math.max(d.rtoHours, d.timeToFailoverHours);
  const lastMigration = Math.max(timings.containHours, ...ordered.map(migrateDeadline));

  type Draft = Omit<RunbookStep, 'order'>;
  const perDependency = (
    deadline: (d: RunbookDependency) => number,
    action: (d: RunbookDependency) => string,
  ): Draft[] =>
    ordered.map((d) => ({
      dependencyId: d.id,
      owner: d.team,
      action: action(d),
      deadlineHours: deadline(d),
    }));
  const procurement = (kinds: ContractLeverKind[], deadlineHours: number): Draft[] =>
    contracts.flatMap((c) =>
      leversFor(c)
        .levers.filter((l) => l.available && kinds.includes(l.kind))
        .map((l) => ({ dependencyId: null, owner: PROCUREMENT, action: l.action, deadlineHours })),
    );

  const drafts: Record<RunbookPhaseName, Draft[]> = {
    detect: [
      {
        dependencyId: null,
        owner: RISK_OFFICE,
        action:
          'Confirm the suspension (scope, vendors, regions, effective date, notice), open the incident and notify the dependency owners.',
        deadlineHours: timings.detectHours,
      },
      ...perDependency(
        (d) => Math.min(timings.detectHours, d.rtoHours),
        (d) =>
          `Confirm whether ${d.name} is affected through ${d.vendorName} or a dependency it relies on, and report its status to the Risk office.`,
      ),
    ],
    contain: [
      ...procurement(['regulatory_change_clause', 'data_portability'], timings.containHours),
      ...perDependency(
        (d) => Math.min(timings.containHours, d.rtoHours),
        (d) =>
          `Contain ${d.name}: stop new work on ${d.vendorName}, route pending work to a manual queue and tell its users.`,
      ),
    ],
    fail_over: perDependency((d) => d.rtoHours, failOverAction),
    migrate: [
      ...perDependency(migrateDeadline, migrateAction),
      ...procurement(['exit_assistance', 'termination_notice'], lastMigration),
    ],
    stabilise: [
      ...perDependency(
        (d) => migrateDeadline(d) + timings.stabiliseHours,
        (d) =>
          `Stabilise ${d.name}: watch quality, latency and cost against the baseline, retest the failover and update the inventory.`,
      ),
      {
        dependencyId: null,
        owner: RISK_OFFICE,
        action:
          'Close the incident: record each recovery-time gap, the levers used and the lessons, and rerun the exposure assessment.',
        deadlineHours: lastMigration + timings.stabiliseHours,
      },
    ],
  };

  const phases = RUNBOOK_PHASES.map((phase) => ({
    phase,
    steps: drafts[phase].map((step, i) => ({ order: i + 1, ...step })),
  }));

  const recoveryGaps = ordered.map((d) => ({
    dependencyId: d.id,
    name: d.name,
    owner: d.team,
    criticality: d.criticality,
    rtoHours: d.rtoHours,
    timeToFailoverHours: d.timeToFailoverHours,
    ...recoveryGap(d.rtoHours, d.timeToFailoverHours),
  }));

  const contractLevers = contracts.map((c) => ({
    vendorId: c.vendorId,
    contractName: c.name,
    dependencyIds: ordered.filter((d) => d.vendorId === c.vendorId).map((d) => d.id),
    ...leversFor(c),
  }));

  const covered = new Set(contracts.map((c) => c.vendorId));
  const vendorsWithoutContract = [...new Set(ordered.map((d) => d.vendorId))]
    .filter((v) => !covered.has(v))
    .sort(compareText);

  return { phases, recoveryGaps, contractLevers, vendorsWithoutContract };
}
