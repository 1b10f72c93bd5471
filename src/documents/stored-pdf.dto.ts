import { ApiProperty } from '@nestjs/swagger';

/** Where a generated PDF is served and how to check it. */
export class StoredPdfDto {
  @ApiProperty({ example: '/v1/plans/3f6c2a9e-8d1b-4c57-9f0e-2b7d5a1c4e88/pdf' }) url!: string;
  @ApiProperty({ description: 'SHA-256 of the PDF bytes, hex' }) sha256!: string;
  @ApiProperty({ description: 'bytes' }) size!: number;
  @ApiProperty({ description: 'version of the template in templates/ it was made with' })
  templateVersion!: string;
}
