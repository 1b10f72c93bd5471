import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { PaginationQueryDto } from '../common/http/pagination';
import { ApiPdfResponse, sendPdf } from '../documents/send-pdf';
import { BoardReportDto, BoardReportPageDto, CreateBoardReportDto } from './dto/board-report.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('board')
  @Roles('risk_officer')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiCreatedResponse({
    type: BoardReportDto,
    description: 'the board report; its PDF is stored and served at pdf.url',
  })
  createBoard(@CurrentPrincipal() principal: Principal, @Body() dto: CreateBoardReportDto) {
    return this.reports.createBoard(principal, dto);
  }

  @Get()
  @ApiOkResponse({ type: BoardReportPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PaginationQueryDto) {
    return this.reports.list(principal, query);
  }

  @Get(':id')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: BoardReportDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.reports.get(principal, id);
  }

  @Get(':id/pdf')
  @ApiPdfResponse()
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.reports.pdf(principal, id));
  }
}
