import { Injectable } from '@nestjs/common';
import { type ActorInfo, describeActors } from '@vetted/lifecycle';
import { PrismaService } from '../infra/prisma.service.js';

export { ADMIN_TOKEN_ACTOR, ADMIN_TOKEN_NAME, type ActorInfo } from '@vetted/lifecycle';

/** Names for the actor ids rows record, for every response that shows who did something. */
@Injectable()
export class ActorDirectory {
  constructor(private readonly db: PrismaService) {}

  describe(actors: Iterable<string>): Promise<Map<string, ActorInfo>> {
    return describeActors(this.db, actors);
  }

  async describeOne(actor: string): Promise<ActorInfo> {
    return (await this.describe([actor])).get(actor)!;
  }
}
