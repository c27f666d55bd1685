import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Webhook } from '../src/api/api-types';
import { EVENT_TYPES } from '../src/webhooks/event-types';
import { OneTimeSecret } from '../src/webhooks/one-time-secret';
import { draftOf, eventsText, requestOf } from '../src/webhooks/webhook-draft';

const webhook: Webhook = {
  id: '00000000-0000-4000-8000-000000000001',
  url: 'https://ci.example.com/hooks',
  description: 'deploy on approval',
  events: ['version.approved', 'model.created'],
  namespace: 'acme',
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  consecutiveFailures: 0,
  createdBy: 'key:00000000-0000-4000-8000-000000000002',
  createdByName: 'Ada Admin',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('webhook drafts', () => {
  it('turns what was typed into a request: trimmed, no namespace as null, events in the API order', () => {
    expect(
      requestOf({
        url: ' https://ci.example.com/hooks ',
        events: ['import.failed', 'model.created'],
        namespace: '  ',
        description: ' ci ',
      }),
    ).toEqual({ url: 'https://ci.example.com/hooks', events: ['model.created', 'import.failed'], namespace: null, description: 'ci' });
  });

  it('edits a stored webhook from its current settings and saves them unchanged', () => {
    const draft = draftOf(webhook);
    expect(draft).toEqual({
      url: webhook.url,
      events: ['model.created', 'version.approved'],
      namespace: 'acme',
      description: 'deploy on approval',
    });
    expect(requestOf(draft)).toEqual({ url: webhook.url, events: draft.events, namespace: 'acme', description: 'deploy on approval' });
    expect(draftOf({ ...webhook, namespace: null }).namespace).toBe('');
  });

  it('describes every event type once, and no events as every event', () => {
    expect(new Set(EVENT_TYPES).size).toBe(10);
    expect(EVENT_TYPES).toContain('version.scanned');
    expect(eventsText([])).toBe('every event');
    expect(eventsText(['model.created', 'version.approved'])).toBe('model.created, version.approved');
  });

  it('shows a new secret with a copy button and the warning that it will not be shown again', () => {
    const html = renderToStaticMarkup(
      createElement(OneTimeSecret, { title: 'New signing secret:', secret: 'whsec_abc', onDismiss: () => {} }),
    );
    expect(html).toContain('whsec_abc');
    expect(html).toContain('you will not see it again');
    expect(html).toContain('Copy secret');
  });
});
