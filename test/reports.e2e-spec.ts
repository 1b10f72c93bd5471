import { createHash } from 'node:crypto';
import { createDependency } from './support/inventory';
import { binaryBody, pdfTextOf } from './support/pdf';
import { bearer, createKey, createTenant, Tenant } from './support/tenants';
import { createTestApp, TestApp } from './support/test-app';

interface ReportBody {
  id: string;
  snapshotId: string;
  worstSimulationRunId: string | null;
  pdf: { url: string; sha256: string; size: number; templateVersion: string };
  report: {
    organizationName: string;
    previousSnapshotAt: string | null;
    categories: { total: { now: number; previous: number | null; change: number | null } };
    heatMap: { counts: number[][] };
    worstScenario: { presetId: string; simulationRunId: string; lossExceedance: unknown[] } | null;
    presets: { presetId: string }[];
    topRisks: { name: string; owner: string }[];
  };
}

describe('board reports', () => {
  let t: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let riskOfficer: { key: string };
  let viewer: { key: string };
  let first: ReportBody;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t.http, t.adminToken, { name: 'Ωmega Логистика GmbH' });
    other = await createTenant(t.http, t.adminToken, { name: 'Other tenant' });
    riskOfficer = await createKey(t.http, tenant, 'risk_officer');
    viewer = await createKey(t.http, tenant, 'viewer');
    await createDependency(t.http, tenant, {
      name: 'Route planner',
      team: 'Dispatch',
      vendorId: 'openai',
      modelId: 'openai/gpt-4o',
      criticality: 'critical',
      monthlySpend: 9_000,
      monthlyRevenueAtStake: 250_000,
      rtoHours: 4,
    });
    await createDependency(t.http, tenant, {
      name: 'Customs declarations',
      team: 'Compliance',
      vendorId: 'anthropic',
      modelId: 'anthropic/claude-sonnet-4-20250514',
      criticality: 'high',
      monthlyRevenueAtStake: 80_000,
    });
    await createDependency(t.http, tenant, {
      name: 'Перевод писем',
      team: 'Support',
      vendorId: 'deepseek',
      criticality: 'medium',
      monthlyRevenueAtStake: 5_000,
    });
    const created = await t.http
      .post('/v1/reports/board')
      .set(bearer(riskOfficer.key))
      .send({ iterations: 300 })
      .expect(201);
    first = created.body;
  });
  afterAll(() => t.close());

  const get = (path: string, key = tenant.adminKey) => t.http.get(path).set(bearer(key));

  it('reports the exposure, the heat map, the worst preset and the top risks', async () => {
    const r = first.report;
    expect(r.organizationName).toBe('Ωmega Логистика GmbH');
    expect(r.heatMap.counts.flat().reduce((s, n) => s + n, 0)).toBe(3);
    expect(r.presets.length).toBeGreaterThanOrEqual(3);
    expect(r.worstScenario).not.toBeNull();
    expect(r.worstScenario!.lossExceedance.length).toBeGreaterThan(0);
    expect(r.worstScenario!.simulationRunId).toBe(first.worstSimulationRunId);
    expect(r.topRisks.map((x) => x.name)).toContain('Route planner');
    expect(r.topRisks.find((x) => x.name === 'Route planner')!.owner).toBe('Dispatch');
    const run = await get(`/v1/simulations/${first.worstSimulationRunId}`).expect(200);
    expect(run.body.iterations).toBe(300);
  });

  it('serves the PDF with the organization, the top risks and the totals', async () => {
    const response = await get(first.pdf.url, viewer.key)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(first.pdf.sha256);
    const { text } = await pdfTextOf(response);
    expect(text).toContain('Ωmega Логистика GmbH');
    for (const risk of first.report.topRisks) expect(text).toContain(risk.name);
    const total = Math.round(first.report.categories.total.now).toLocaleString('en');
    expect(text).toContain(`EUR ${total}`);
    expect(text).toContain('Likelihood and impact');
  });

  it('trends the next report against the snapshot the first one recorded', async () => {
    expect(first.report.previousSnapshotAt).toBeNull();
    await createDependency(t.http, tenant, {
      name: 'Invoice reader',
      vendorId: 'openai',
      criticality: 'critical',
      monthlyRevenueAtStake: 120_000,
    });
    const second = await t.http
      .post('/v1/reports/board')
      .set(bearer(riskOfficer.key))
      .send({ iterations: 200, seed: 9 })
      .expect(201);
    const total = second.body.report.categories.total;
    expect(second.body.report.previousSnapshotAt).not.toBeNull();
    expect(total.previous).toBeCloseTo(first.report.categories.total.now, 6);
    expect(total.change).toBeCloseTo(total.now - total.previous, 6);
    expect(total.change).toBeGreaterThan(0);
    const list = await get('/v1/reports').expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([second.body.id, first.id]);
    expect(list.body.items[0]).not.toHaveProperty('report');
    const read = await get(`/v1/reports/${first.id}`, viewer.key).expect(200);
    expect(read.body).toEqual(first);
  });

  it('reports on an empty inventory too', async () => {
    const empty = await createTenant(t.http, t.adminToken, { name: 'Empty Ltd' });
    const created = await t.http
      .post('/v1/reports/board')
      .set(bearer(empty.adminKey))
      .send({})
      .expect(201);
    expect(created.body.report.topRisks).toEqual([]);
    expect(created.body.report.worstScenario).toBeNull();
    expect(created.body.worstSimulationRunId).toBeNull();
    const pdf = await get(created.body.pdf.url, empty.adminKey)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const { text } = await pdfTextOf(pdf);
    expect(text).toContain('Empty Ltd');
  });

  it.each([
    [{ iterations: 5 }, 'iterations'],
    [{ iterations: 'many' }, 'iterations'],
    [{ seed: -1 }, 'seed'],
    [{ format: 'docx' }, 'format'],
  ])('refuses %p with a problem naming %s', async (body, field) => {
    const response = await t.http
      .post('/v1/reports/board')
      .set(bearer(riskOfficer.key))
      .send(body)
      .expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(response.body.errors)).toContain(field);
  });

  it('keeps reports to their tenant and lets only risk officers make them', async () => {
    await get(`/v1/reports/${first.id}`, other.adminKey).expect(404);
    await get(`/v1/reports/${first.id}/pdf`, other.adminKey).expect(404);
    await get('/v1/reports/00000000-0000-4000-8000-000000000000/pdf').expect(404);
    expect((await get('/v1/reports', other.adminKey).expect(200)).body.total).toBe(0);
    await t.http.post('/v1/reports/board').set(bearer(viewer.key)).send({}).expect(403);
  });
});
