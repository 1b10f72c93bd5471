import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import {
  ForeignKeyTo,
  NumberColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../common/persistence/columns';
import { StoredPdfColumns } from '../../documents/stored-pdf';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { SimulationRunEntity } from '../../simulations/entities/simulation-run.entity';

/** A failover plan made from one simulation run, with its PDF. */
@Entity({ name: 'failover_plans' })
@Index('idx_failover_plans_org_time', ['organizationId', 'createdAt'])
export class FailoverPlanEntity extends StoredPdfColumns {
  @UuidPrimaryColumn() id!: string;
  @UuidColumn('organization_id') organizationId!: string;
  @ForeignKeyTo(() => OrganizationEntity, 'organization_id', 'CASCADE')
  organization?: OrganizationEntity;
  @UuidColumn('simulation_run_id') simulationRunId!: string;
  @ForeignKeyTo(() => SimulationRunEntity, 'simulation_run_id', 'CASCADE')
  simulationRun?: SimulationRunEntity;
  @UuidColumn('scenario_id', { nullable: true }) scenarioId!: string | null;
  @Column({ name: 'scenario_name', type: 'varchar', length: 200 }) scenarioName!: string;
  @Column({ name: 'planning_model_version', type: 'varchar', length: 40 })
  planningModelVersion!: string;
  /** The FailoverPlan as JSON text (serialised on the worker: it can run to megabytes). */
  @Column({ type: 'text' }) plan!: string;
  @Column({ name: 'stopped_dependencies', type: 'integer' }) stoppedDependencies!: number;
  @NumberColumn('expected_loss') expectedLoss!: number;
  @NumberColumn('p90_loss') p90Loss!: number;
  @UuidColumn('created_by_key_id') createdByKeyId!: string;
  @CreateDateColumn({ name: 'created_at' }) createdAt!: Date;
}
