import { type Job, UnrecoverableError } from 'bullmq';
import type { z } from 'zod';

/** A job's data, checked: data that does not fit its schema can never succeed, so it is not retried. */
export function jobData<T extends z.ZodType>(schema: T, job: Job): z.infer<T> {
  const parsed = schema.safeParse(job.data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ');
  throw new UnrecoverableError(`job ${job.queueName}/${job.id} has bad data: ${problems}`);
}
