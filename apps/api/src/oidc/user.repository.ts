import { Injectable } from '@nestjs/common';
import type { Role, User } from '@vetted/db';
import { PrismaService } from '../infra/prisma.service.js';

export interface SignedInIdentity {
  issuer: string;
  subject: string;
  name: string;
  email: string | null;
  role: Role | null;
}

@Injectable()
export class UserRepository {
  constructor(private readonly db: PrismaService) {}

  /** Records a sign-in: the person's current name, email and role. Returns the row and the role it had before. */
  async recordSignIn(identity: SignedInIdentity): Promise<{ user: User; previousRole: Role | null | undefined }> {
    const { issuer, subject, ...current } = identity;
    const before = await this.db.user.findUnique({ where: { issuer_subject: { issuer, subject } }, select: { role: true } });
    const lastSignInAt = new Date();
    const user = await this.db.user.upsert({
      where: { issuer_subject: { issuer, subject } },
      create: { issuer, subject, ...current, lastSignInAt },
      update: { ...current, lastSignInAt },
    });
    return { user, previousRole: before?.role };
  }

  list(): Promise<User[]> {
    return this.db.user.findMany({ orderBy: [{ lastSignInAt: 'desc' }, { id: 'desc' }] });
  }
}
