import { Injectable } from '@nestjs/common';
import type { User, UserSession } from '@vetted/db';
import { PrismaService } from '../infra/prisma.service.js';

export type SessionWithUser = UserSession & { user: User };

/** How long an expired session row is kept, so its browser hears "expired" rather than "unknown". */
const EXPIRED_KEPT_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class SessionRepository {
  constructor(private readonly db: PrismaService) {}

  async create(session: Pick<UserSession, 'hash' | 'userId' | 'csrfToken' | 'idToken' | 'expiresAt'>): Promise<void> {
    await this.db.userSession.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - EXPIRED_KEPT_MS) } } });
    await this.db.userSession.create({ data: session });
  }

  findByHash(hash: string): Promise<SessionWithUser | null> {
    return this.db.userSession.findUnique({ where: { hash }, include: { user: true } });
  }

  async delete(hash: string): Promise<void> {
    await this.db.userSession.deleteMany({ where: { hash } });
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.db.userSession.deleteMany({ where: { userId } });
  }
}
