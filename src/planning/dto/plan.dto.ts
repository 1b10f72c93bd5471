import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { PageDto } from '../../common/http/pagination';
import { StoredPdfDto } from '../../documents/stored-pdf.dto';
import type { UnsupportedTarget } from '../../domain/planning/gateway-config';
import { MAX_ITERATIONS } from '../../simulations/dto/simulation.dto';

export class CreatePlanDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'plan from this stored simulation run; or give `scenarioId` or `presetId`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  simulationId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'simulate this stored scenario first (the run is stored), then plan from it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  scenarioId?: string;

  @ApiPropertyOptional({ description: 'simulate this preset first, then plan from it' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  presetId?: string;

  @ApiPropertyOptional({
    default: 10_000,
    minimum: 1,
    maximum: MAX_ITERATIONS,
    description: 'with scenarioId or presetId',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ITERATIONS)
  iterations?: number;

  @ApiPropertyOptional({ description: 'with scenarioId or presetId: a reproducible run' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  seed?: number;
}

export class PlanSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) simulationRunId!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) scenarioId!: string | null;
  @ApiProperty() scenarioName!: string;
  @ApiProperty({ description: 'dependencies the scenario stops' }) stoppedDependencies!: number;
  @ApiProperty() expectedLoss!: number;
  @ApiProperty() p90Loss!: number;
  @ApiProperty() planningModelVersion!: string;
  @ApiProperty({ type: StoredPdfDto }) pdf!: StoredPdfDto;
  @ApiProperty({ format: 'uuid' }) createdByKeyId!: string;
  @ApiProperty() createdAt!: Date;
}

export class PlanDto extends PlanSummaryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The FailoverPlan: summary (losses, breached commitments, top actions), dependencies (per stopped dependency: switch target, ranked alternatives with their score components, self-hosting sizing, recovery gap), knockOn, runbook (phases, recovery gaps, contract levers) and gatewayRoutes. See src/domain/planning/build-failover-plan.ts.',
  })
  plan!: Record<string, unknown>;
}

export const PlanPageDto = PageDto(PlanSummaryDto, 'PlanPageDto');

export const GATEWAY_FORMATS = ['litellm', 'portkey', 'openrouter'] as const;
export type GatewayFormat = (typeof GATEWAY_FORMATS)[number];

/** vLLM's default address; most teams put their own in `selfHostedApiBase`. */
export const DEFAULT_SELF_HOSTED_API_BASE = 'http://localhost:8000/v1';

export class GatewayConfigQueryDto {
  @ApiProperty({ enum: GATEWAY_FORMATS })
  @IsIn(GATEWAY_FORMATS)
  format!: GatewayFormat;

  @ApiPropertyOptional({
    default: DEFAULT_SELF_HOSTED_API_BASE,
    description:
      'base URL of the OpenAI-compatible server (vLLM, SGLang, TGI) that serves the self-hosted fallbacks',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(500)
  selfHostedApiBase?: string;
}

export class UnsupportedTargetDto implements UnsupportedTarget {
  @ApiProperty() dependencyName!: string;
  @ApiProperty({ enum: ['primary', 'fallback'] }) role!: 'primary' | 'fallback';
  @ApiProperty() vendorId!: string;
  @ApiProperty() modelId!: string;
  @ApiProperty() reason!: string;
}

export class GatewayConfigDto {
  @ApiProperty({ enum: GATEWAY_FORMATS }) format!: GatewayFormat;
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'litellm: { config, yaml } (save yaml as config.yaml); portkey: { configs: one fallback config per dependency }; openrouter: { lists: one `models` list per dependency }',
  })
  export!: Record<string, unknown>;
  @ApiProperty({
    type: [UnsupportedTargetDto],
    description: 'targets the gateway cannot address, with the reason',
  })
  unsupported!: UnsupportedTargetDto[];
}
