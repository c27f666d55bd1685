/**
 * Who did something, by the name people know them by: the key's name (the id stays in the tooltip),
 * with the role when it helps to judge the act. The raw id only when no name is known.
 */
export function ActorName({ actor, name, role }: { actor: string; name?: string | null | undefined; role?: string | null | undefined }) {
  return (
    <span className="actor" title={actor}>
      {name || actor}
      {role && <span className="badge badge-muted actor-role">{role}</span>}
    </span>
  );
}
