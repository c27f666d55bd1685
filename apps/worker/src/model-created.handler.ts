import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@vetted/db';
import type { ReceivedJob } from '@vetted/queue';
import { JobHandler } from './job-handler.decorator.js';

/** Acknowledges a new model in its audit trail: the first job, proving API → queue → worker. */
@Injectable()
export class ModelCreatedHandler {
  constructor(private readonly db: PrismaClient) {}

  @JobHandler('model.created')
  async handle(job: ReceivedJob<'model.created'>): Promise<void> {
    const model = await this.db.model.findUnique({ where: { id: job.data.modelId }, select: { namespace: true, name: true } });
    if (!model) return; // deleted before the worker saw it: nothing to acknowledge
    await this.db.auditEvent.create({
      data: {
        actor: 'worker',
        action: 'model.received',
        subjectType: 'model',
        subjectId: `${model.namespace}/${model.name}`,
        data: { jobId: job.id, createdBy: job.data.actor },
      },
    });
  }
}
