import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { WebhookDeliverer } from './webhook-deliverer.js';
import { DISPATCH_BATCH, WebhookDispatcher } from './webhook-dispatcher.js';
import { DEFAULT_WEBHOOK_TIMING, WEBHOOK_TIMING, type WebhookTiming } from './webhook-timing.js';

/** Every pollMs: dispatch what happened since the last look, then send what is due. One round at a time. */
@Injectable()
export class WebhookLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookLoop.name);
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;

  constructor(
    private readonly dispatcher: WebhookDispatcher,
    private readonly deliverer: WebhookDeliverer,
    @Optional() @Inject(WEBHOOK_TIMING) private readonly timing: WebhookTiming = DEFAULT_WEBHOOK_TIMING,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.round ??= this.runRound().finally(() => (this.round = undefined));
    }, this.timing.pollMs);
  }

  /** Waits for the round in flight: its attempts get recorded, not left to their lease. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  private async runRound(): Promise<void> {
    try {
      while ((await this.dispatcher.dispatchNew()) === DISPATCH_BATCH) {
        // a full batch: more events may be waiting
      }
      while ((await this.deliverer.deliverDue()) > 0) {
        // more deliveries may be due
      }
    } catch (error) {
      this.logger.warn(`webhooks: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
