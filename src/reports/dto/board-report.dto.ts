import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageDto } from '../../common/http/pagination';
import { StoredPdfDto } from '../../documents/stored-pdf.dto';

/** Iterations per preset scenario: enough for a stable P90 on a board-level chart. */
export const DEFAULT_REPORT_ITERATIONS = 2_000;
/** A fixed default seed: the same inventory gives the same report figures. */
export const DEFAULT_REPORT_SEED = 1;
export const MAX_REPORT_ITERATIONS = 20_000;

export class CreateBoardReportDto {
  @ApiPropertyOptional({
    default: DEFAULT_REPORT_ITERATIONS,
    minimum: 100,
    maximum: MAX_REPORT_ITERATIONS,
    description: 'Monte Carlo iterations for each preset scenario',
  })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(MAX_REPORT_ITERATIONS)
  iterations?: number;

  @ApiPropertyOptional({ default: DEFAULT_REPORT_SEED, description: 'seed of every preset run' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  seed?: number;
}

export class BoardReportSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'the exposure snapshot the report recorded' })
  snapshotId!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    description: 'the stored simulation run of the worst preset scenario',
  })
  worstSimulationRunId!: string | null;
  @ApiProperty() scoringModelVersion!: string;
  @ApiProperty() expectedAnnualLoss!: number;
  @ApiProperty({ type: StoredPdfDto }) pdf!: StoredPdfDto;
  @ApiProperty({ format: 'uuid' }) createdByKeyId!: string;
  @ApiProperty() createdAt!: Date;
}

export class BoardReportDto extends BoardReportSummaryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The BoardReport: categories (now, previous, change), heatMap, concentration, worstScenario (with its loss exceedance curve), presets, topRisks. See src/domain/reporting/board-report.ts.',
  })
  report!: Record<string, unknown>;
}

export const BoardReportPageDto = PageDto(BoardReportSummaryDto, 'BoardReportPageDto');
