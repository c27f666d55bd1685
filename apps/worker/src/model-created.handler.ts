import { Injectable } from '@nestjs/common';
import type { ReceivedJob } from '@vetted/queue';
import { JobHandler } from './job-handler.decorator.js';
import { ModelCreatedRepository } from './model-created.repository.js';

/** Acknowledges a new model in its audit trail: the first job, proving API → queue → worker. */
@Injectable()
export class ModelCreatedHandler {
  constructor(private readonly models: ModelCreatedRepository) {}

  @JobHandler('model.created')
  async handle(job: ReceivedJob<'model.created'>): Promise<void> {
    const model = await this.models.modelName(job.data.modelId);
    if (!model) return; // deleted before the worker saw it: nothing to acknowledge
    await this.models.recordAudit({
      actor: 'worker',
      action: 'model.received',
      subjectType: 'model',
      subjectId: `${model.namespace}/${model.name}`,
      data: { jobId: job.id, createdBy: job.data.actor },
    });
  }
}
