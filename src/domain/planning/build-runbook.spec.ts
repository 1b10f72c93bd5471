import fc from 'fast-check';
import {
  PROCUREMENT,
  RISK_OFFICE,
  RUNBOOK_PHASES,
  buildRunbook,
  dependencyDepths,
  recoveryGap,
  type RunbookContract,
  type RunbookDependency,
} from './build-runbook';

/** The shipped planning model's runbook timings. */
const timings = { detectHours: 1, containHours: 4, stabiliseHours: 72 };

function dep(id: string, overrides: Partial<RunbookDependency> = {}): RunbookDependency {
  return {
    id,
    name: id,
    team: `team-${id}`,
    vendorId: 'acme',
    vendorName: 'Acme AI',
    criticality: 'high',
    rtoHours: 8,
    timeToFailoverHours: 4,
    fallbackStatus: 'tested',
    chosenAlternative: {
      modelId: 'mistral/mistral-large',
      vendorId: 'mistral',
      label: 'Mistral Large on Mistral',
      selfHosted: false,
    },
    dependsOn: [],
    ...overrides,
  };
}

function contract(vendorId: string, overrides: Partial<RunbookContract> = {}): RunbookContract {
  return {
    vendorId,
    vendorName: `${vendorId} Inc.`,
    name: `${vendorId} MSA`,
    terminationNoticeDays: 30,
    exitAssistance: true,
    regulatoryChangeClause: true,
    forceMajeureCoversRegulatory: false,
    dataPortability: true,
    ...overrides,
  };
}

function dependencyOrder(runbook: ReturnType<typeof buildRunbook>, phase: string): string[] {
  const steps = runbook.phases.find((p) => p.phase === phase)?.steps ?? [];
  return steps.flatMap((s) => (s.dependencyId === null ? [] : [s.dependencyId]));
}

describe('recoveryGap', () => {
  it.each([
    [8, 4, 0, true],
    [8, 8, 0, true],
    [4, 30, 26, false],
    [0, 0.5, 0.5, false],
  ])('rto %p h, failover %p h -> gap %p h, met %p', (rto, ttf, gap, met) => {
    expect(recoveryGap(rto, ttf)).toEqual({ gapHours: gap, rtoMet: met });
  });
});

describe('buildRunbook', () => {
  it('lists the five phases in order, steps numbered from 1', () => {
    const runbook = buildRunbook({
      timings,
      dependencies: [dep('a'), dep('b')],
      contracts: [],
    });
    expect(runbook.phases.map((p) => p.phase)).toEqual([...RUNBOOK_PHASES]);
    expect(RUNBOOK_PHASES).toEqual(['detect', 'contain', 'fail_over', 'migrate', 'stabilise']);
    for (const phase of runbook.phases) {
      expect(phase.steps.map((s) => s.order)).toEqual(phase.steps.map((_, i) => i + 1));
    }
  });

  it('orders by criticality, then largest gap, then after the dependencies relied on', () => {
    const dependencies = [
      dep('low', { criticality: 'low', rtoHours: 1, timeToFailoverHours: 100 }),
      dep('high-small-gap', { criticality: 'high', rtoHours: 4, timeToFailoverHours: 6 }),
      dep('high-big-gap', { criticality: 'high', rtoHours: 4, timeToFailoverHours: 40 }),
      // Same criticality and gap: the one relying on another comes after it, whatever the names.
      dep('a-consumer', { criticality: 'critical', dependsOn: ['z-base'] }),
      dep('z-base', { criticality: 'critical' }),
    ];
    const runbook = buildRunbook({
      timings,
      dependencies,
      contracts: [],
    });
    const expected = ['z-base', 'a-consumer', 'high-big-gap', 'high-small-gap', 'low'];
    for (const phase of RUNBOOK_PHASES) expect(dependencyOrder(runbook, phase)).toEqual(expected);
    expect(runbook.recoveryGaps.map((g) => g.dependencyId)).toEqual(expected);
  });

  it('computes the gap by hand and the deadlines of each phase', () => {
    const runbook = buildRunbook({
      timings,
      dependencies: [
        dep('claims', {
          team: 'Claims',
          rtoHours: 4,
          timeToFailoverHours: 30,
          criticality: 'critical',
        }),
      ],
      contracts: [],
    });
    expect(runbook.recoveryGaps).toEqual([
      {
        dependencyId: 'claims',
        name: 'claims',
        owner: 'Claims',
        criticality: 'critical',
        rtoHours: 4,
        timeToFailoverHours: 30,
        gapHours: 26,
        rtoMet: false,
      },
    ]);
    const deadline = (phase: string) =>
      runbook.phases.find((p) => p.phase === phase)?.steps.find((s) => s.dependencyId === 'claims')
        ?.deadlineHours;
    expect(deadline('detect')).toBe(1);
    expect(deadline('contain')).toBe(4);
    expect(deadline('fail_over')).toBe(4);
    expect(deadline('migrate')).toBe(30);
    expect(deadline('stabilise')).toBe(30 + 72);
    const failOver = runbook.phases[2].steps[0];
    expect(failOver.owner).toBe('Claims');
    expect(failOver.action).toContain('26 h past the RTO of 4 h');
  });

  it('caps the detect and contain deadlines at a short RTO', () => {
    const runbook = buildRunbook({
      timings,
      dependencies: [dep('fast', { rtoHours: 0.5 })],
      contracts: [],
    });
    expect(runbook.phases[0].steps[1].deadlineHours).toBe(0.5);
    expect(runbook.phases[1].steps[0].deadlineHours).toBe(0.5);
  });

  it('escalates a dependency with no chosen alternative', () => {
    const runbook = buildRunbook({
      timings,
      dependencies: [dep('orphan', { chosenAlternative: null, fallbackStatus: 'none' })],
      contracts: [],
    });
    expect(runbook.phases[2].steps[0].action).toMatch(/^Escalate orphan to the Risk office/);
  });

  it('opens and closes with Risk office steps and gives team steps to the team', () => {
    const runbook = buildRunbook({
      timings,
      dependencies: [dep('a')],
      contracts: [contract('acme')],
    });
    expect(runbook.phases[0].steps[0]).toMatchObject({ owner: RISK_OFFICE, dependencyId: null });
    const last = runbook.phases[4].steps.at(-1);
    expect(last).toMatchObject({ owner: RISK_OFFICE, dependencyId: null });
    for (const phase of runbook.phases) {
      for (const step of phase.steps) {
        if (step.dependencyId === null) expect([RISK_OFFICE, PROCUREMENT]).toContain(step.owner);
        else expect(step.owner).toBe('team-a');
        expect(step.action).toMatch(/^[A-Z].*\.$/);
      }
    }
  });

  it('lists the levers of each contract and notes force majeure', () => {
    const runbook = buildRunbook({
      timings,
      dependencies: [dep('a', { vendorId: 'acme' }), dep('b', { vendorId: 'orphan-vendor' })],
      contracts: [
        contract('zeta', {
          terminationNoticeDays: null,
          exitAssistance: false,
          regulatoryChangeClause: false,
          dataPortability: false,
          forceMajeureCoversRegulatory: true,
        }),
        contract('acme', { terminationNoticeDays: 90 }),
      ],
    });
    expect(runbook.contractLevers.map((c) => c.vendorId)).toEqual(['acme', 'zeta']);
    const [acme, zeta] = runbook.contractLevers;
    expect(acme.dependencyIds).toEqual(['a']);
    expect(acme.levers.map((l) => [l.kind, l.available])).toEqual([
      ['regulatory_change_clause', true],
      ['exit_assistance', true],
      ['data_portability', true],
      ['termination_notice', true],
    ]);
    expect(acme.levers[3].action).toContain('90 days (2160 h)');
    expect(acme.notes).toEqual([]);
    expect(zeta.levers.every((l) => !l.available)).toBe(true);
    expect(zeta.notes).toHaveLength(1);
    expect(zeta.notes[0]).toContain('Force majeure');
    expect(runbook.vendorsWithoutContract).toEqual(['orphan-vendor']);

    const procurementSteps = (phase: number) =>
      runbook.phases[phase].steps.filter((s) => s.owner === PROCUREMENT).map((s) => s.action);
    expect(procurementSteps(1)).toEqual([acme.levers[0].action, acme.levers[2].action]);
    expect(procurementSteps(3)).toEqual([acme.levers[1].action, acme.levers[3].action]);
  });

  it('rejects negative hours and duplicate ids', () => {
    expect(() =>
      buildRunbook({
        timings,
        dependencies: [dep('a', { rtoHours: -1 })],
        contracts: [],
      }),
    ).toThrow(/rtoHours/);
    expect(() =>
      buildRunbook({
        timings,
        dependencies: [dep('a'), dep('a')],
        contracts: [],
      }),
    ).toThrow(/duplicate/);
  });

  it('ignores unknown ids and cycles when computing depths', () => {
    const depths = dependencyDepths([
      dep('a', { dependsOn: ['b', 'missing'] }),
      dep('b', { dependsOn: ['a'] }),
      dep('c', { dependsOn: ['a'] }),
    ]);
    expect(depths.get('b')).toBe(0);
    expect(depths.get('a')).toBe(1);
    expect(depths.get('c')).toBe(2);
  });

  const arbitraryDependencies = fc
    .uniqueArray(
      fc.record({
        id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
        criticality: fc.constantFrom('critical', 'high', 'medium', 'low' as const),
        rtoHours: fc.integer({ min: 0, max: 100 }),
        timeToFailoverHours: fc.integer({ min: 0, max: 200 }),
        dependsOn: fc.subarray(['a', 'b', 'c', 'd', 'e', 'f']),
      }),
      { selector: (d) => d.id, maxLength: 6 },
    )
    .map((rows) => rows.map((r) => dep(r.id, r)));

  it('is deterministic and independent of input order', () => {
    fc.assert(
      fc.property(arbitraryDependencies, (dependencies) => {
        const contracts = [contract('acme'), contract('beta')];
        const one = buildRunbook({
          timings,
          dependencies,
          contracts,
        });
        const two = buildRunbook({
          timings,
          dependencies: [...dependencies].reverse(),
          contracts: [...contracts].reverse(),
        });
        expect(two).toEqual(one);
        expect(
          buildRunbook({
            timings,
            dependencies,
            contracts,
          }),
        ).toEqual(one);
      }),
    );
  });

  it('puts every dependency once in each phase; gaps are never negative', () => {
    fc.assert(
      fc.property(arbitraryDependencies, (dependencies) => {
        const runbook = buildRunbook({
          timings,
          dependencies,
          contracts: [],
        });
        for (const phase of RUNBOOK_PHASES) {
          expect(dependencyOrder(runbook, phase)).toHaveLength(dependencies.length);
          expect(new Set(dependencyOrder(runbook, phase)).size).toBe(dependencies.length);
        }
        for (const gap of runbook.recoveryGaps) {
          expect(gap.gapHours).toBeGreaterThanOrEqual(0);
          expect(gap.rtoMet).toBe(gap.gapHours === 0);
        }
      }),
    );
  });
});
