import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageDto } from '../../common/http/pagination';
import type {
  CategoryLoss,
  InvalidatedFallback,
  LossExceedancePoint,
  NoWayBackWithinRto,
  SeriesStatistics,
  SimulatedCommitment,
  SimulatedDependency,
  SimulatedEffect,
  SimulationTotals,
  TimelineCount,
  TimelineDay,
} from '../../domain/simulation/run-shutdown-simulation';
import type { FallbackInvalidationReason } from '../../domain/simulation/scenario-effects';
import { CreateScenarioDto } from '../../scenarios/dto/scenario.dto';
import { ScenarioDefinitionDto } from '../../scenarios/dto/scenario-preset.dto';

/** Iterations beyond this are refused: the answer would not change, the wait would. */
export const MAX_ITERATIONS = 100_000;
/** Iterations x dependencies beyond this are refused (a few seconds of one worker). */
export const MAX_DEPENDENCY_ITERATIONS = 200_000_000;

export class CreateSimulationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a stored scenario; or give `scenario` or `presetId`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  scenarioId?: string;

  @ApiPropertyOptional({ description: 'a preset from GET /v1/scenarios/presets' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  presetId?: string;

  @ApiPropertyOptional({ type: CreateScenarioDto, description: 'an inline scenario, not stored' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateScenarioDto)
  scenario?: CreateScenarioDto;

  @ApiPropertyOptional({ default: 10_000, minimum: 1, maximum: MAX_ITERATIONS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ITERATIONS)
  iterations?: number;

  @ApiPropertyOptional({
    description: 'for a reproducible run; a random one is chosen and returned otherwise',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  seed?: number;
}

export class SeriesStatisticsDto implements SeriesStatistics {
  @ApiProperty() expected!: number;
  @ApiProperty() p50!: number;
  @ApiProperty() p90!: number;
  @ApiProperty() p99!: number;
  @ApiProperty() max!: number;
}

export class SimulationTotalsDto implements SimulationTotals {
  @ApiProperty({ type: SeriesStatisticsDto }) pipelineFreeze!: SeriesStatisticsDto;
  @ApiProperty({ type: SeriesStatisticsDto }) slaBreach!: SeriesStatisticsDto;
  @ApiProperty({ type: SeriesStatisticsDto }) budgetShift!: SeriesStatisticsDto;
  @ApiProperty({ type: SeriesStatisticsDto }) total!: SeriesStatisticsDto;
  @ApiProperty({ nullable: true }) expectedBudgetShiftShareOfRndBudget!: number | null;
}

export class CategoryLossDto implements CategoryLoss {
  @ApiProperty() pipelineFreeze!: number;
  @ApiProperty() slaBreach!: number;
  @ApiProperty() budgetShift!: number;
  @ApiProperty() total!: number;
}

export class SimulatedDependencyDto implements SimulatedDependency {
  @ApiProperty({ format: 'uuid' }) dependencyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() vendorId!: string;
  @ApiProperty({ enum: ['stopped', 'frozen_by_cascade', 'degraded'] }) effect!: SimulatedEffect;
  @ApiProperty() hit!: boolean;
  @ApiProperty() fallbackInvalidated!: boolean;
  @ApiProperty({ type: CategoryLossDto }) expectedLoss!: CategoryLossDto;
  @ApiProperty() p50!: number;
  @ApiProperty() p90!: number;
  @ApiProperty() p99!: number;
  @ApiProperty() expectedOutageHours!: number;
  @ApiProperty() probabilityOutageExceedsRto!: number;
}

export class LossExceedancePointDto implements LossExceedancePoint {
  @ApiProperty() loss!: number;
  @ApiProperty({ description: 'P(total loss > loss)' }) probability!: number;
}

export class SimulatedCommitmentDto implements SimulatedCommitment {
  @ApiProperty({ format: 'uuid' }) commitmentId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty() probabilityOfBreach!: number;
  @ApiProperty() expectedCredits!: number;
  @ApiProperty() expectedPenalties!: number;
  @ApiProperty() expectedDowntimeHours!: number;
  @ApiProperty() allowedDowntimeHours!: number;
}

export class TimelineCountDto implements TimelineCount {
  @ApiProperty() p50!: number;
  @ApiProperty() p90!: number;
}

export class TimelineDayDto implements TimelineDay {
  @ApiProperty() day!: number;
  @ApiProperty() date!: string;
  @ApiProperty() inForceProbability!: number;
  @ApiProperty({ type: TimelineCountDto }) frozen!: TimelineCountDto;
  @ApiProperty({ type: TimelineCountDto }) restoredByFallback!: TimelineCountDto;
  @ApiProperty({ type: TimelineCountDto }) migrated!: TimelineCountDto;
  @ApiProperty({ type: TimelineCountDto }) back!: TimelineCountDto;
  @ApiProperty({ type: TimelineCountDto }) degraded!: TimelineCountDto;
}

export class InvalidationReasonDto {
  @ApiProperty({
    enum: [
      'same_vendor',
      'same_model',
      'listed_vendor',
      'same_jurisdiction',
      'same_regime',
      'same_vendor_kind',
      'upstream_vendor',
    ],
  })
  reason!: FallbackInvalidationReason;
  @ApiProperty() value!: string;
}

export class InvalidatedFallbackDto implements InvalidatedFallback {
  @ApiProperty({ format: 'uuid' }) dependencyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() vendorId!: string;
  @ApiProperty({ nullable: true }) fallbackVendorId!: string | null;
  @ApiProperty({ nullable: true }) fallbackModelId!: string | null;
  @ApiProperty({ type: [InvalidationReasonDto] }) reasons!: InvalidationReasonDto[];
}

export class NoWayBackWithinRtoDto implements NoWayBackWithinRto {
  @ApiProperty({ format: 'uuid' }) dependencyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() vendorId!: string;
  @ApiProperty() rtoHours!: number;
  @ApiProperty() bestCaseHours!: number;
  @ApiProperty({ enum: ['fallback', 'migration', 'suspension_end'] })
  bestCase!: NoWayBackWithinRto['bestCase'];
}

export class SimulationResultsDto {
  @ApiProperty({ format: 'date-time', description: 'the date fallback tests were judged against' })
  asOf!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: [String], description: 'the vendors the scenario stops or degrades' })
  hitVendorIds!: string[];
  @ApiProperty({ type: SeriesStatisticsDto, description: 'sampled suspension lengths, days' })
  durationDays!: SeriesStatisticsDto;
  @ApiProperty({ type: SimulationTotalsDto }) totals!: SimulationTotalsDto;
  @ApiProperty({ type: [SimulatedDependencyDto] }) dependencies!: SimulatedDependencyDto[];
  @ApiProperty({ type: [LossExceedancePointDto] }) lossExceedance!: LossExceedancePointDto[];
  @ApiProperty({ type: [SimulatedCommitmentDto] }) commitments!: SimulatedCommitmentDto[];
  @ApiProperty({ type: [TimelineDayDto] }) timeline!: TimelineDayDto[];
  @ApiProperty({ type: [InvalidatedFallbackDto] }) invalidatedFallbacks!: InvalidatedFallbackDto[];
  @ApiProperty({ type: [NoWayBackWithinRtoDto] }) noWayBackWithinRto!: NoWayBackWithinRtoDto[];
}

export class InventorySummaryDto {
  @ApiProperty() dependencies!: number;
  @ApiProperty() commitments!: number;
  @ApiProperty() vendors!: number;
}

export class SimulationRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) scenarioId!: string | null;
  @ApiProperty({ type: ScenarioDefinitionDto, description: 'the scenario exactly as it ran' })
  scenario!: ScenarioDefinitionDto;
  @ApiProperty({
    type: InventorySummaryDto,
    description: 'the inventory it ran on (stored in full)',
  })
  inventory!: InventorySummaryDto;
  @ApiProperty() modelVersion!: string;
  @ApiProperty() seed!: number;
  @ApiProperty() iterations!: number;
  @ApiProperty({
    description: 'SHA-256 of scenario, inventory, model version, seed and iterations',
  })
  inputsHash!: string;
  @ApiProperty() elapsedMs!: number;
  @ApiProperty({ format: 'uuid' }) createdByKeyId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: SimulationResultsDto }) results!: SimulationResultsDto;
}

export class SimulationRunSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) scenarioId!: string | null;
  @ApiProperty() scenarioName!: string;
  @ApiProperty() iterations!: number;
  @ApiProperty() seed!: number;
  @ApiProperty() expectedLoss!: number;
  @ApiProperty() p90Loss!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export const SimulationRunPageDto = PageDto(SimulationRunSummaryDto, 'SimulationRunPage');
