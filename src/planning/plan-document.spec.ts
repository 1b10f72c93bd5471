import parsePdf from 'pdf-parse/lib/pdf-parse.js';
import scoringRaw from '../../data/scoring-model.json';
import { renderPdf } from '../documents/pdf/render-pdf';
import { buildFailoverPlan, type FailoverPlan } from '../domain/planning/build-failover-plan';
import type { Portfolio } from '../domain/portfolio';
import { parseScoringModel } from '../domain/scoring-model';
import { runShutdownSimulation } from '../domain/simulation/run-shutdown-simulation';
import {
  buildCommitment,
  buildDependency,
  buildPortfolio,
  buildVendor,
} from '../domain/testing/portfolio-builders';
import { planDocument } from './plan-document';
import { failoverPlanInput, planDocumentContext } from './planning-inputs';

const scoringModel = parseScoringModel(scoringRaw);
const asOf = new Date('2026-11-01T00:00:00Z');

function planFor(portfolio: Portfolio): FailoverPlan {
  const simulation = runShutdownSimulation(
    portfolio,
    {
      name: 'OpenAI pulled',
      kind: 'full_suspension',
      targets: { vendorIds: ['openai'], jurisdictions: [], regimes: [], vendorKinds: [] },
      noticeHours: 0,
      durationDays: { min: 3, mostLikely: 14, max: 42 },
      startDate: '2026-12-01',
    },
    scoringModel,
    { iterations: 200, seed: 5, asOf },
  );
  return buildFailoverPlan(failoverPlanInput(portfolio, simulation, [], scoringModel));
}

const context = (organizationName: string) =>
  planDocumentContext(
    organizationName,
    'run-1',
    { iterations: 200, seed: 5 },
    '2026-11-23T10:00:00.000Z',
  );

const openai = buildVendor({ id: 'openai', name: 'OpenAI', kind: 'frontier_lab' });

async function textOf(pdf: Buffer): Promise<string> {
  return (await parsePdf(pdf)).text.replace(/\s+/g, ' ');
}

describe('planDocument', () => {
  it('follows the template: sections in order, every stopped dependency with its switch', async () => {
    const plan = planFor(
      buildPortfolio({
        vendors: [openai],
        dependencies: [
          buildDependency({
            id: 'a',
            name: 'Claims bot',
            vendorId: 'openai',
            modelId: 'openai/gpt-4o',
          }),
        ],
        commitments: [buildCommitment({ clientName: 'Helios', dependencyIds: ['a'] })],
      }),
    );
    const spec = planDocument(plan, context('Nordlicht AG'));
    const level1 = spec.blocks.flatMap((b) =>
      b.kind === 'heading' && b.level === 1 ? [b.text] : [],
    );
    expect(level1).toEqual([
      'Executive summary',
      'Dependencies the scenario stops',
      'Dependencies held up by others',
      'Runbook',
      'Assumptions and method',
    ]);
    expect(spec.cover.facts[0]).toEqual({ label: 'Organization', value: 'Nordlicht AG' });
    expect(spec.footer).toContain('Nordlicht AG');
    const text = await textOf(await renderPdf(spec));
    expect(text).toContain('Claims bot');
    expect(text).toContain(plan.dependencies[0].switchTo!.label.split(' (')[0]);
    expect(text).toContain('Helios');
  });

  it('renders hostile names (10,000 characters, other scripts, control characters) into a valid PDF', async () => {
    const long = 'Ж'.repeat(10_000);
    const plan = planFor(
      buildPortfolio({
        vendors: [openai],
        dependencies: [
          buildDependency({ id: 'a', name: long, team: 'Ομάδα\u0000\u0007', vendorId: 'openai' }),
          buildDependency({
            id: 'b',
            name: 'Сервис\u202e\u001b[31m',
            vendorId: 'openai',
            dependsOn: ['a'],
          }),
          buildDependency({ id: 'c', name: '', vendorId: 'openai', modelId: 'openai/gpt-4o' }),
        ],
      }),
    );
    const pdf = await renderPdf(planDocument(plan, context(`${'Ω'.repeat(300)}\u0000 Corp`)));
    const parsed = await parsePdf(pdf);
    expect(parsed.numpages).toBeGreaterThan(3);
    expect(parsed.text).toContain('ЖЖЖЖ');
    expect(parsed.text).toContain('Ομάδα');
    expect(parsed.text).not.toContain('\u0000');
  });

  it('says so when the scenario stops nothing', async () => {
    const plan = planFor(
      buildPortfolio({
        vendors: [buildVendor({ id: 'mistral', name: 'Mistral' })],
        dependencies: [buildDependency({ vendorId: 'mistral' })],
      }),
    );
    const text = await textOf(await renderPdf(planDocument(plan, context('Calm Ltd'))));
    expect(text).toContain('stops none of the organization');
  });
});
