import { SetMetadata } from '@nestjs/common';
import type { JobName } from '@vetted/queue';

export const JOB_HANDLER_KEY = 'vetted:job-handler';

/** Marks the method that handles one job type; the worker refuses to start if a type has none. */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER_KEY, name);
