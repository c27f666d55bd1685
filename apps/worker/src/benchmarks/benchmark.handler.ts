import { Injectable } from '@nestjs/common';
import type { ReceivedJob } from '@vetted/queue';
import { JobHandler } from '../job-handler.decorator.js';
import { BenchmarkExecutor } from './benchmark-executor.js';

@Injectable()
export class BenchmarkHandler {
  constructor(private readonly executor: BenchmarkExecutor) {}

  @JobHandler('benchmark.run')
  handle(job: ReceivedJob<'benchmark.run'>): Promise<void> {
    return this.executor.execute(job.data.runId);
  }
}
