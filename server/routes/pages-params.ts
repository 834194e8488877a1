import { z } from 'zod';

/** HTML forms send empty fields (`?status=`): for a page they mean "no filter", not an error. */
export function dropEmpty(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

export const flag = z
  .enum(['1', 'true', 'on', '0', 'false', 'off'], { message: 'must be 1 or 0' })
  .transform((value) => value === '1' || value === 'true' || value === 'on')
  .optional();

export const pageNumber = z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 or more').max(10_000, 'must be at most 10000').default(1);

export const year = z.coerce.number({ message: 'must be a year such as 2024' }).int('must be a year such as 2024').min(2000, 'must be a year such as 2024').max(2100, 'must be a year such as 2024').optional();

export const githubName = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be a GitHub owner or repository name');
