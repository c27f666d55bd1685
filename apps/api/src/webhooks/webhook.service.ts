import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@vetted/domain';
import { AddressPolicy, generateWebhookSecret } from '@vetted/webhooks';
import { isIP } from 'node:net';
import { AuditRepository } from '../audit/audit.repository.js';
import { ActorDirectory } from '../auth/actor-directory.js';
import type { Principal } from '../auth/principal.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import type { Transaction } from '../infra/prisma.service.js';
import { Transactions } from '../infra/transactions.js';
import { type StoredWebhook, toWebhookView } from './webhook.mapper.js';
import { type WebhookChanges, WebhookRepository } from './webhook.repository.js';
import type { CreateWebhookBody, UpdateWebhookBody, WebhookView } from './webhook.schemas.js';

/**
 * Admins' webhooks. The signing secret is made here, returned once (on create and on rotation) and
 * never logged, audited or returned again.
 */
@Injectable()
export class WebhookService {
  private readonly policy: AddressPolicy;

  constructor(
    @Inject(CONFIG) config: Config,
    private readonly transactions: Transactions,
    private readonly webhooks: WebhookRepository,
    private readonly audit: AuditRepository,
    private readonly actors: ActorDirectory,
  ) {
    this.policy = new AddressPolicy(config.webhooks.addresses);
  }

  async create(principal: Principal, input: CreateWebhookBody): Promise<WebhookView & { secret: string }> {
    this.refuseAddressLiteral(input.url);
    const secret = generateWebhookSecret();
    const webhook = await this.transactions.run(async (tx) => {
      const created = await this.webhooks.create(tx, { ...input, secret, createdBy: principal.actor });
      await this.record(tx, principal, 'webhook.created', created.id, settingsOf(created));
      return created;
    });
    return { ...(await this.view(webhook)), secret };
  }

  async list(): Promise<WebhookView[]> {
    const webhooks = await this.webhooks.list();
    const names = await this.actors.describe(webhooks.map((webhook) => webhook.createdBy));
    return webhooks.map((webhook) => toWebhookView(webhook, names));
  }

  async get(id: string): Promise<WebhookView> {
    return this.view(await this.existing(id));
  }

  async update(principal: Principal, id: string, input: UpdateWebhookBody): Promise<WebhookView> {
    if (input.url !== undefined) this.refuseAddressLiteral(input.url);
    const webhook = await this.transactions.run(async (tx) => {
      const before = await this.existing(id, tx);
      const after = await this.webhooks.update(tx, id, { ...input, ...switchedState(before, input.enabled, principal) });
      await this.record(tx, principal, 'webhook.updated', id, { before: settingsOf(before), after: settingsOf(after) });
      return after;
    });
    return this.view(webhook);
  }

  private async view(webhook: StoredWebhook): Promise<WebhookView> {
    return toWebhookView(webhook, await this.actors.describe([webhook.createdBy]));
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const webhook = await this.existing(id, tx);
      await this.webhooks.delete(tx, id);
      await this.record(tx, principal, 'webhook.deleted', id, settingsOf(webhook));
    });
  }

  /** A new secret at once: deliveries from now on are signed with it alone. */
  async rotateSecret(principal: Principal, id: string): Promise<{ id: string; secret: string }> {
    const secret = generateWebhookSecret();
    await this.transactions.run(async (tx) => {
      await this.existing(id, tx);
      await this.webhooks.replaceSecret(tx, id, secret);
      await this.record(tx, principal, 'webhook.secret_rotated', id, {});
    });
    return { id, secret };
  }

  /** The webhook, locked for the rest of the transaction when one is given; 404 when there is none. */
  async existing(id: string, tx?: Transaction): Promise<StoredWebhook> {
    const webhook = await this.webhooks.find(id, tx);
    if (!webhook) throw DomainError.notFound('webhook_not_found', `No webhook ${id}`);
    return webhook;
  }

  /**
   * An early answer for a URL whose host is an address the policy refuses. Host names are resolved, and
   * every address checked, only when a delivery connects: what a name resolves to can change.
   */
  private refuseAddressLiteral(url: string): void {
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    const refusal = isIP(host) === 0 ? undefined : this.policy.refusal(host);
    if (refusal) throw DomainError.invalid([{ field: 'url', message: `${host} is ${refusal}` }], 'webhook_address_refused');
  }

  private record(tx: Transaction, principal: Principal, action: string, id: string, data: object): Promise<void> {
    return this.audit.record(tx, { actor: principal.actor, action, subjectType: 'webhook', subjectId: id, data });
  }
}

/** Turning a webhook on starts its run of failures over; turning it off says who did. */
function switchedState(before: StoredWebhook, enabled: boolean | undefined, principal: Principal): WebhookChanges {
  if (enabled === true && !before.enabled) return { consecutiveFailures: 0, disabledReason: null, disabledAt: null };
  if (enabled === false && before.enabled) return { disabledReason: `Disabled by ${principal.name}`, disabledAt: new Date() };
  return {};
}

/** What audit rows record of a webhook: everything an admin set, never the secret. */
function settingsOf(webhook: StoredWebhook) {
  return {
    url: webhook.url,
    events: webhook.events,
    namespace: webhook.namespace,
    description: webhook.description,
    enabled: webhook.enabled,
  };
}
