import { Injectable } from '@nestjs/common';
import type { ModelVersion, Prisma, Review, ReviewDecision } from '@vetted/db';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';
import type { Evidence } from './review.schemas.js';

export interface NewReview {
  versionId: string;
  reviewer: string;
  decision: ReviewDecision;
  comment: string;
  evidence: Evidence;
  overrideReason: string | null;
}

export type PendingVersion = ModelVersion & { model: { namespace: string; name: string; licenseId: string | null } };

@Injectable()
export class ReviewRepository {
  constructor(private readonly db: PrismaService) {}

  create(tx: Transaction, review: NewReview): Promise<Review> {
    return tx.review.create({ data: { ...review, evidence: review.evidence as Prisma.InputJsonValue } });
  }

  list(versionId: string): Promise<Review[]> {
    return this.db.review.findMany({ where: { versionId }, orderBy: { createdAt: 'asc' } });
  }

  /** Versions waiting for a decision, longest waiting first. */
  pendingVersions(limit: number): Promise<PendingVersion[]> {
    return this.db.modelVersion.findMany({
      where: { status: 'pending_review' },
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      take: limit,
      include: { model: { select: { namespace: true, name: true, licenseId: true } } },
    });
  }
}
