import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { PaginationQueryDto } from '../common/http/pagination';
import { ApiPdfResponse, sendPdf } from '../documents/send-pdf';
import {
  CreatePlanDto,
  GatewayConfigDto,
  GatewayConfigQueryDto,
  PlanDto,
  PlanPageDto,
} from './dto/plan.dto';
import { PlansService } from './plans.service';

@ApiTags('plans')
@Controller('v1/plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  // The service answers JSON text: the stored plan is spliced in without re-serialising it.
  @Post()
  @Roles('risk_officer')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiCreatedResponse({
    type: PlanDto,
    description: 'the plan; its PDF is stored and served at pdf.url',
  })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreatePlanDto) {
    return this.plans.create(principal, dto);
  }

  @Get()
  @ApiOkResponse({ type: PlanPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PaginationQueryDto) {
    return this.plans.list(principal, query);
  }

  @Get(':id')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: PlanDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.plans.get(principal, id);
  }

  @Get(':id/pdf')
  @ApiPdfResponse()
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.plans.pdf(principal, id));
  }

  @Get(':id/gateway-config')
  @ApiOkResponse({ type: GatewayConfigDto })
  gatewayConfig(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() query: GatewayConfigQueryDto,
  ) {
    return this.plans.gatewayConfig(principal, id, query);
  }
}
