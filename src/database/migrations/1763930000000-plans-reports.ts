import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableColumnOptions,
  TableForeignKeyOptions,
} from 'typeorm';
import { columnsFor } from '../schema-helpers';

const organizationKey: TableForeignKeyOptions = {
  columnNames: ['organization_id'],
  referencedTableName: 'organizations',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
};

export class PlansReports1763930000000 implements MigrationInterface {
  name = 'PlansReports1763930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    // The stored PDF: base64 text, so one column type serves SQLite and PostgreSQL alike.
    const pdf: TableColumnOptions[] = [
      c.text('template_version', 40),
      c.text('pdf_sha256', 64),
      c.integer('pdf_size'),
      c.json('pdf_base64'),
    ];
    await queryRunner.createTable(
      new Table({
        name: 'failover_plans',
        columns: [
          c.id(),
          c.uuid('organization_id'),
          c.uuid('simulation_run_id'),
          c.uuid('scenario_id', true),
          c.text('scenario_name', 200),
          c.text('planning_model_version', 40),
          c.json('plan'),
          c.integer('stopped_dependencies'),
          c.number('expected_loss'),
          c.number('p90_loss'),
          ...pdf,
          c.uuid('created_by_key_id'),
          c.createdAt(),
        ],
        indices: [
          { name: 'idx_failover_plans_org_time', columnNames: ['organization_id', 'created_at'] },
        ],
        foreignKeys: [
          organizationKey,
          {
            columnNames: ['simulation_run_id'],
            referencedTableName: 'simulation_runs',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'board_reports',
        columns: [
          c.id(),
          c.uuid('organization_id'),
          c.uuid('worst_simulation_run_id', true),
          c.uuid('snapshot_id'),
          c.text('scoring_model_version', 40),
          c.json('report'),
          c.number('expected_annual_loss'),
          ...pdf,
          c.uuid('created_by_key_id'),
          c.createdAt(),
        ],
        indices: [
          { name: 'idx_board_reports_org_time', columnNames: ['organization_id', 'created_at'] },
        ],
        foreignKeys: [
          organizationKey,
          {
            columnNames: ['worst_simulation_run_id'],
            referencedTableName: 'simulation_runs',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['snapshot_id'],
            referencedTableName: 'exposure_snapshots',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('board_reports');
    await queryRunner.dropTable('failover_plans');
  }
}
