/** What a webhook listens to. */
export interface EventSubscription {
  /** Event types; empty: every type. */
  events: readonly string[];
  /** Only events of models in this namespace; null: every namespace. */
  namespace: string | null;
  /** A webhook hears of what happened after it was registered, not before. */
  createdAt: Date;
}

export function wantsEvent(subscription: EventSubscription, event: { type: string; namespace: string | null; at: Date }): boolean {
  return (
    (subscription.events.length === 0 || subscription.events.includes(event.type)) &&
    (subscription.namespace === null || subscription.namespace === event.namespace) &&
    event.at >= subscription.createdAt
  );
}
