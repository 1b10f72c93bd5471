import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { DomainError } from '../common/errors/domain-error';
import { resolveAdminToken } from '../config/admin-token';
import { ConfigError, loadAppConfig } from '../config/app-config';
import { DemoSeedService } from '../demo/demo-seed.service';
import { PlansService } from '../planning/plans.service';
import { ReportsService } from '../reports/reports.service';

const USAGE = `Writes the demo organization's failover plan and board report as PDFs.

  npm run report -- [--preset <id>] [--iterations <n>] [--seed <n>] [--out <dir>] [--only plan|board]

  --preset      preset scenario the plan is made for (default frontier-lab-pulled-worldwide;
                list them with GET /v1/scenarios/presets)
  --iterations  Monte Carlo iterations (default 5000)
  --seed        seed of the simulations (default 1)
  --out         folder for the PDFs (default data/generated, git-ignored)
  --only        just the plan or just the board report

Uses the database of DATABASE_URL (default data/continuity.sqlite) and seeds the demo
organization there first if it is missing.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'frontier-lab-pulled-worldwide' },
      iterations: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: join('data', 'generated') },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const iterations = Number(values.iterations);
  const seed = Number(values.seed);
  if (!Number.isInteger(iterations) || iterations < 100 || iterations > 20_000) {
    throw new ConfigError('--iterations must be a whole number from 100 to 20000');
  }
  if (!Number.isInteger(seed) || seed < 0)
    throw new ConfigError('--seed must be a whole number >= 0');
  if (values.only !== undefined && values.only !== 'plan' && values.only !== 'board') {
    throw new ConfigError('--only must be plan or board');
  }

  process.env.LOG_LEVEL ??= 'warn';
  const loaded = loadAppConfig();
  const config = { ...loaded, seedDemo: true, adminToken: resolveAdminToken(loaded).token };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    await app.init();
    const { principal } = await app.get(DemoSeedService).seed();
    const out = resolve(values.out);
    mkdirSync(out, { recursive: true });
    const write = (name: string, content: Buffer, sha256: string) => {
      const path = join(out, name);
      writeFileSync(path, content);
      process.stdout.write(
        `${relative(process.cwd(), path)}  ${content.length.toLocaleString('en')} bytes  sha256 ${sha256}\n`,
      );
    };
    if (values.only !== 'board') {
      const plans = app.get(PlansService);
      const plan = JSON.parse(
        await plans.create(principal, { presetId: values.preset, iterations, seed }),
      ) as { id: string };
      const pdf = await plans.pdf(principal, plan.id);
      write(`failover-plan-${values.preset}.pdf`, pdf.content, pdf.sha256);
    }
    if (values.only !== 'plan') {
      const reports = app.get(ReportsService);
      const report = JSON.parse(
        await reports.createBoard(principal, { iterations: Math.min(iterations, 20_000), seed }),
      ) as { id: string };
      const pdf = await reports.pdf(principal, report.id);
      write('board-report.pdf', pdf.content, pdf.sha256);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n\n${USAGE}\n`
      : error instanceof DomainError
        ? `${error.message}: ${(error.details.errors ?? []).map((e) => `${e.field} ${e.message}`).join('; ')}\n`
        : `Report failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
