import { Injectable } from '@nestjs/common';
import type { ActorInfo } from '@vetted/lifecycle';
import { ActorRepository } from './actor.repository.js';

export { ADMIN_TOKEN_ACTOR, ADMIN_TOKEN_NAME, type ActorInfo } from '@vetted/lifecycle';

/** Names for the actor ids rows record, for every response that shows who did something. */
@Injectable()
export class ActorDirectory {
  constructor(private readonly actors: ActorRepository) {}

  describe(actors: Iterable<string>): Promise<Map<string, ActorInfo>> {
    return this.actors.describe(actors);
  }

  async describeOne(actor: string): Promise<ActorInfo> {
    return (await this.describe([actor])).get(actor)!;
  }
}
