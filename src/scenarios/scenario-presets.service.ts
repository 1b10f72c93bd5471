import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { Principal } from '../common/auth/principal';
import { DomainError } from '../common/errors/domain-error';
import {
  parseScenarioPresets,
  presetScenarios,
  primaryFrontierLab,
  ScenarioPreset,
} from '../domain/simulation/scenario-presets';
import type { Portfolio } from '../domain/portfolio';
import { PortfolioLoader } from '../exposure/portfolio-loader.service';

export const SCENARIO_PRESETS_FILE = join(__dirname, '..', '..', 'data', 'scenario-presets.json');

/** Ready scenarios from data/scenario-presets.json, resolved for the tenant's own inventory. */
@Injectable()
export class ScenarioPresetsService {
  /** Parsed once: a broken presets file stops the start, naming the problem. */
  private readonly file: unknown = JSON.parse(readFileSync(SCENARIO_PRESETS_FILE, 'utf8'));

  constructor(private readonly loader: PortfolioLoader) {
    parseScenarioPresets(this.file);
  }

  async list(principal: Principal): Promise<ScenarioPreset[]> {
    return this.resolvedFor(await this.loader.load(principal.organizationId));
  }

  /**
   * A preset by id, resolved for an inventory the caller has already loaded; an unknown id is a
   * validation error on `presetId`.
   */
  get(portfolio: Portfolio, id: string): ScenarioPreset {
    const preset = this.resolvedFor(portfolio).find((candidate) => candidate.id === id);
    if (!preset) throw DomainError.validation([{ field: 'presetId', message: `no preset ${id}` }]);
    return preset;
  }

  /** Every preset, resolved for an inventory the caller has already loaded. */
  resolvedFor(portfolio: Portfolio): ScenarioPreset[] {
    return presetScenarios(this.file, {
      primaryFrontierLabId: primaryFrontierLab(portfolio),
      startDate: new Date().toISOString().slice(0, 10),
    });
  }
}
