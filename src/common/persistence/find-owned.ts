import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { DomainError } from '../errors/domain-error';

/**
 * The tenant's row `id` of `entity`, or a not-found error naming `label`: another tenant's id
 * reads exactly like an unknown one.
 */
export async function findOwned<T extends { id: string; organizationId: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  organizationId: string,
  id: string,
  label: string,
): Promise<T> {
  const row = await manager.findOneBy(entity, { id, organizationId } as FindOptionsWhere<T>);
  if (!row) throw DomainError.notFound(label, id);
  return row;
}
