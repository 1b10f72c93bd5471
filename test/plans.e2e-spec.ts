import { createHash } from 'node:crypto';
import { load } from 'js-yaml';
import { createDependency } from './support/inventory';
import { binaryBody, pdfTextOf } from './support/pdf';
import { bearer, createKey, createTenant, Tenant } from './support/tenants';
import { createTestApp, TestApp } from './support/test-app';

interface PlanBody {
  id: string;
  simulationRunId: string;
  pdf: { url: string; sha256: string; size: number; templateVersion: string };
  plan: {
    summary: { expectedLoss: number; stopped: number; topActions: unknown[] };
    hitVendors: { id: string }[];
    dependencies: {
      name: string;
      switchTo: { vendorId: string; label: string } | null;
      chosen: { vendorId: string; name: string } | null;
      runnersUp: { vendorId: string }[];
      selfHosting: { feasible: boolean } | null;
    }[];
    knockOn: { name: string; waitsFor: string[] }[];
    runbook: { phases: { phase: string }[] };
  };
}

describe('failover plans', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let riskOfficer: { key: string };
  let viewer: { key: string };
  let scenarioId: string;
  let plan: PlanBody;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t.http, t.adminToken, {
      name: 'Nordlicht Versicherung AG',
      currency: 'USD',
    });
    other = await createTenant(t.http, t.adminToken, { name: 'Other tenant' });
    riskOfficer = await createKey(t.http, tenant, 'risk_officer');
    viewer = await createKey(t.http, tenant, 'viewer');
    const chatbot = await createDependency(t.http, tenant, {
      name: 'Support chatbot',
      team: 'Customer Care',
      vendorId: 'openai',
      modelId: 'openai/gpt-4o',
      criticality: 'critical',
      monthlySpend: 18_000,
      monthlyInputTokens: 2_000_000_000,
      monthlyOutputTokens: 300_000_000,
      monthlyRevenueAtStake: 400_000,
      rtoHours: 4,
      fallbackStatus: 'documented',
      fallbackVendorId: 'anthropic',
      fallbackModelId: 'anthropic/claude-sonnet-4-20250514',
    });
    await createDependency(t.http, tenant, {
      name: 'Разбор заявок (triage)',
      team: 'Operations',
      vendorId: 'openai',
      modelId: 'openai/gpt-4o-mini',
      monthlySpend: 900,
      monthlyInputTokens: 500_000_000,
      monthlyOutputTokens: 50_000_000,
      monthlyRevenueAtStake: 60_000,
      rtoHours: 2,
    });
    await createDependency(t.http, tenant, {
      name: 'Αναζήτηση εγγράφων',
      team: 'Search',
      vendorId: 'mistral',
      modelId: 'mistral/mistral-small-latest',
      dependsOn: [chatbot.id],
    });
    await t.http
      .post('/v1/commitments')
      .set(bearer(tenant.adminKey))
      .send({
        clientName: 'Helios Retail',
        serviceName: 'Support',
        uptimePercent: 99.9,
        windowDays: 30,
        monthlyFee: 40_000,
        creditBands: [{ belowPercent: 99.9, creditPercent: 10 }],
        dependencyIds: [chatbot.id],
      })
      .expect(201);
    await t.http
      .post('/v1/contracts')
      .set(bearer(tenant.adminKey))
      .send({
        vendorId: 'openai',
        name: 'OpenAI enterprise agreement',
        terminationNoticeDays: 30,
        regulatoryChangeClause: false,
        forceMajeureCoversRegulatory: true,
        exitAssistance: false,
        dataPortability: true,
        annualValue: 250_000,
      })
      .expect(201);
    const scenario = await t.http
      .post('/v1/scenarios')
      .set(bearer(riskOfficer.key))
      .send({
        name: 'OpenAI ordered to pull its models',
        kind: 'full_suspension',
        targets: { vendorIds: ['openai'] },
        noticeHours: 0,
        durationDays: { min: 3, mostLikely: 14, max: 42 },
        startDate: '2026-12-01',
      })
      .expect(201);
    scenarioId = scenario.body.id;
    const created = await t.http
      .post('/v1/plans')
      .set(bearer(riskOfficer.key))
      .send({ scenarioId, iterations: 500, seed: 11 })
      .expect(201);
    plan = created.body;
  });
  afterAll(() => t.close());

  const get = (path: string, key = tenant.adminKey) => t.http.get(path).set(bearer(key));
  const getPdf = (path: string, key = tenant.adminKey) =>
    get(path, key).buffer(true).parse(binaryBody);

  it('plans every stopped dependency with an alternative the scenario does not hit', () => {
    expect(plan.pdf.url).toBe(`/v1/plans/${plan.id}/pdf`);
    expect(plan.plan.hitVendors.map((v) => v.id)).toEqual(['openai']);
    expect(plan.plan.dependencies.map((d) => d.name).sort()).toEqual([
      'Support chatbot',
      'Разбор заявок (triage)',
    ]);
    for (const d of plan.plan.dependencies) {
      expect(d.switchTo).not.toBeNull();
      expect(d.switchTo!.vendorId).not.toBe('openai');
      for (const alt of [d.chosen!, ...d.runnersUp]) expect(alt.vendorId).not.toBe('openai');
    }
    const chatbot = plan.plan.dependencies.find((d) => d.name === 'Support chatbot')!;
    expect(chatbot.switchTo).toMatchObject({ vendorId: 'anthropic' });
    expect(plan.plan.knockOn).toEqual([
      expect.objectContaining({ name: 'Αναζήτηση εγγράφων', waitsFor: ['Support chatbot'] }),
    ]);
    expect(plan.plan.runbook.phases.map((p) => p.phase)).toEqual([
      'detect',
      'contain',
      'fail_over',
      'migrate',
      'stabilise',
    ]);
    expect(plan.plan.summary.topActions.length).toBeGreaterThan(0);
  });

  it('reads the plan back and lists it', async () => {
    const read = await get(`/v1/plans/${plan.id}`, viewer.key).expect(200);
    expect(read.body).toEqual(plan);
    const list = await get('/v1/plans').expect(200);
    expect(list.body.items[0]).toMatchObject({
      id: plan.id,
      stoppedDependencies: 2,
      pdf: { sha256: plan.pdf.sha256 },
    });
    expect(list.body.items[0]).not.toHaveProperty('plan');
  });

  it('serves the stored PDF: its hash, and text naming the organization, dependencies, alternatives and totals', async () => {
    const response = await getPdf(plan.pdf.url, viewer.key).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers.etag).toBe(`"${plan.pdf.sha256}"`);
    const bytes = response.body as Buffer;
    expect(bytes.length).toBe(plan.pdf.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(plan.pdf.sha256);
    const { text, pages } = await pdfTextOf(response);
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain('Nordlicht Versicherung AG');
    for (const d of plan.plan.dependencies) {
      expect(text).toContain(d.name);
      expect(text).toContain(d.chosen!.name);
    }
    expect(text).toContain('Αναζήτηση εγγράφων');
    const expected = Math.round(plan.plan.summary.expectedLoss).toLocaleString('en');
    expect(text).toContain(`USD ${expected}`);
    expect(text).toContain('Runbook');
  });

  it('gives the same PDF for the same run', async () => {
    const again = await t.http
      .post('/v1/plans')
      .set(bearer(riskOfficer.key))
      .send({ simulationId: plan.simulationRunId })
      .expect(201);
    expect(again.body.id).not.toBe(plan.id);
    expect(again.body.pdf.sha256).toBe(plan.pdf.sha256);
    expect(again.body.plan).toEqual(plan.plan);
  });

  it('plans from a preset, simulating it first', async () => {
    const fromPreset = await t.http
      .post('/v1/plans')
      .set(bearer(riskOfficer.key))
      .send({ presetId: 'frontier-lab-pulled-worldwide', iterations: 200, seed: 1 })
      .expect(201);
    expect(fromPreset.body.plan.hitVendors.map((v: { id: string }) => v.id)).toEqual(['openai']);
    const run = await get(`/v1/simulations/${fromPreset.body.simulationRunId}`).expect(200);
    expect(run.body.iterations).toBe(200);
  });

  it('gives a valid PDF for hostile names: the longest allowed, mixed scripts, line breaks, C1 and bidi controls', async () => {
    const hostile = await createTenant(t.http, t.adminToken, {
      name: `Ωmega\u202e Логистика\u0085 ${'Ж'.repeat(150)}`,
      currency: 'USD',
    });
    const name = `Заявки\tαβγ\n${'W'.repeat(120)}\u202e😀${'ж'.repeat(60)}`.slice(0, 200);
    await createDependency(t.http, hostile, {
      name,
      team: `Команда\r\n${'T'.repeat(100)}`,
      vendorId: 'openai',
      modelId: 'openai/gpt-4o',
      criticality: 'critical',
      monthlyRevenueAtStake: 90_000,
    });
    await createDependency(t.http, hostile, { name: 'Plain', vendorId: 'openai' });
    const created = await t.http
      .post('/v1/plans')
      .set(bearer(hostile.adminKey))
      .send({ presetId: 'frontier-lab-pulled-worldwide', iterations: 200, seed: 2 })
      .expect(201);
    const pdf = await get(created.body.pdf.url, hostile.adminKey)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const { text, pages } = await pdfTextOf(pdf);
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain('Заявки');
    expect(text).toContain('ЖЖЖЖЖЖ');
    expect(text).toContain('Plain');
  });

  it('exports the chosen fallbacks as LiteLLM, Portkey and OpenRouter configurations', async () => {
    const litellm = await get(
      `/v1/plans/${plan.id}/gateway-config?format=litellm&selfHostedApiBase=http://vllm.internal:8000/v1`,
    ).expect(200);
    const selfHosted = plan.plan.dependencies.some((d) =>
      [d.chosen, ...d.runnersUp].some((a) => a?.vendorId === 'self-hosted'),
    );
    // The best self-hosted option is always among the proposals when one fits.
    expect(selfHosted).toBe(true);
    expect(litellm.body.export.yaml).toContain('http://vllm.internal:8000/v1');
    expect(JSON.stringify(litellm.body.unsupported)).not.toMatch(/apiBase/);
    const config = load(litellm.body.export.yaml) as {
      model_list: { model_name: string }[];
      router_settings: { fallbacks: Record<string, string[]>[] };
    };
    expect(config.model_list.length).toBeGreaterThan(1);
    expect(config.router_settings.fallbacks.length).toBe(2);
    const portkey = await get(`/v1/plans/${plan.id}/gateway-config?format=portkey`).expect(200);
    expect(portkey.body.export.configs[0].config.strategy).toEqual({ mode: 'fallback' });
    const openrouter = await get(`/v1/plans/${plan.id}/gateway-config?format=openrouter`).expect(
      200,
    );
    expect(openrouter.body.export.lists[0].request.models[0]).toMatch(/^openai\//);
  });

  it.each([
    ['nothing', {}, 'simulationId'],
    ['two sources', { scenarioId: 'a', presetId: 'b' }, 'simulationId'],
    ['iterations with a run', { simulationId: 'x', iterations: 10 }, 'iterations'],
    [
      'too many iterations',
      { presetId: 'frontier-lab-pulled-worldwide', iterations: 1e9 },
      'iterations',
    ],
    ['an unknown preset', { presetId: 'no-such-preset' }, 'presetId'],
    ['an unknown field', { simulationId: 'x', colour: 'red' }, 'colour'],
  ])('refuses %s with a problem naming the field', async (_case, body, field) => {
    const response = await t.http
      .post('/v1/plans')
      .set(bearer(riskOfficer.key))
      .send(body)
      .expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(response.body)).toContain(field);
  });

  it('refuses a bad or missing gateway format and a bad server URL', async () => {
    for (const [query, field] of [
      ['?format=envoy', 'format'],
      ['', 'format'],
      ['?format=litellm&selfHostedApiBase=ftp://x', 'selfHostedApiBase'],
    ]) {
      const response = await get(`/v1/plans/${plan.id}/gateway-config${query}`).expect(400);
      expect(JSON.stringify(response.body.errors)).toContain(field);
    }
  });

  it('answers 404 for unknown ids and for another tenant, whatever the id', async () => {
    await t.http
      .post('/v1/plans')
      .set(bearer(riskOfficer.key))
      .send({ simulationId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    for (const path of [
      `/v1/plans/${plan.id}`,
      `/v1/plans/${plan.id}/pdf`,
      `/v1/plans/${plan.id}/gateway-config?format=litellm`,
    ]) {
      await get(path, other.adminKey).expect(404);
    }
    await t.http
      .post('/v1/plans')
      .set(bearer(other.adminKey))
      .send({ simulationId: plan.simulationRunId })
      .expect(404);
    const list = await get('/v1/plans', other.adminKey).expect(200);
    expect(list.body.total).toBe(0);
  });

  it('lets a viewer read but not make plans, and records who made one', async () => {
    await t.http
      .post('/v1/plans')
      .set(bearer(viewer.key))
      .send({ simulationId: plan.simulationRunId })
      .expect(403);
    await t.http.get(`/v1/plans/${plan.id}`).expect(401);
    const audit = await get('/v1/audit-events?entityType=failover_plan').expect(200);
    expect(audit.body.items.map((e: { entityId: string }) => e.entityId)).toContain(plan.id);
  });
});
