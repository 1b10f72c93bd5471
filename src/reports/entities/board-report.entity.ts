import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import {
  ForeignKeyTo,
  NumberColumn,
  UuidColumn,
  UuidPrimaryColumn,
} from '../../common/persistence/columns';
import { StoredPdfColumns } from '../../documents/stored-pdf';
import { ExposureSnapshotEntity } from '../../exposure/entities/exposure-snapshot.entity';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { SimulationRunEntity } from '../../simulations/entities/simulation-run.entity';

/**
 * A board report with its PDF: the exposure snapshot it recorded (the next report's trend
 * starts there) and the simulation run of the worst preset scenario.
 */
@Entity({ name: 'board_reports' })
@Index('idx_board_reports_org_time', ['organizationId', 'createdAt'])
export class BoardReportEntity extends StoredPdfColumns {
  @UuidPrimaryColumn() id!: string;
  @UuidColumn('organization_id') organizationId!: string;
  @ForeignKeyTo(() => OrganizationEntity, 'organization_id', 'CASCADE')
  organization?: OrganizationEntity;
  @UuidColumn('worst_simulation_run_id', { nullable: true }) worstSimulationRunId!: string | null;
  @ForeignKeyTo(() => SimulationRunEntity, 'worst_simulation_run_id', 'CASCADE')
  worstSimulationRun?: SimulationRunEntity;
  @UuidColumn('snapshot_id') snapshotId!: string;
  @ForeignKeyTo(() => ExposureSnapshotEntity, 'snapshot_id', 'CASCADE')
  snapshot?: ExposureSnapshotEntity;
  @Column({ name: 'scoring_model_version', type: 'varchar', length: 40 })
  scoringModelVersion!: string;
  /** The BoardReport as JSON text. */
  @Column({ type: 'text' }) report!: string;
  @NumberColumn('expected_annual_loss') expectedAnnualLoss!: number;
  @UuidColumn('created_by_key_id') createdByKeyId!: string;
  @CreateDateColumn({ name: 'created_at' }) createdAt!: Date;
}
