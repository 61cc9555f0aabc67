/**
 * Reference objects (api-notes §2): the small `{id, name, _info}` objects one record uses to
 * point at another. One object per referenced record is built and shared by every record that
 * points at it, which keeps a 100,000-company tenant within memory. Tests that want to change a
 * reference should replace it (`ticket.board = {...}`), not edit the shared object in place.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext } from './context.js';

type Ref = Record<string, unknown>;

export class References {
  private readonly cache = new Map<string, Map<number, Ref>>();

  public constructor(private readonly context: GeneratorContext) {}

  /** `MemberReference {id, identifier, name, _info}`. */
  public member(member: CwRecord): Ref {
    return this.cached('member', member.id, () => ({
      id: member.id,
      identifier: member.identifier,
      name: `${String(member.firstName ?? '')} ${String(member.lastName ?? '')}`.trim(),
      _info: { member_href: this.link(`system/members/${member.id}`) },
    }));
  }

  /** `BoardReference {id, name, _info}`. */
  public board(board: CwRecord): Ref {
    return this.cached('board', board.id, () => ({
      id: board.id,
      name: board.name,
      _info: { board_href: this.link(`service/boards/${board.id}`) },
    }));
  }

  /** `ServiceStatusReference {id, name, _info}`; the link names the status's board. */
  public status(status: CwRecord, boardId: number): Ref {
    return this.cached('status', status.id, () => ({
      id: status.id,
      name: status.name,
      _info: { status_href: this.link(`service/boards/${boardId}/statuses/${status.id}`) },
    }));
  }

  /** `PriorityReference {id, name, sort, _info}`. */
  public priority(priority: CwRecord): Ref {
    return this.cached('priority', priority.id, () => {
      const doubled = this.context.drawDoubledSlash();
      return {
        id: priority.id,
        name: priority.name,
        sort: priority.sortOrder,
        _info: {
          priority_href: this.link(`service/priorities/${priority.id}`, doubled),
          image_href: this.link(`service/priorities/${priority.id}/image?lm=2019-04-02T14:11:52Z`, doubled),
        },
      };
    });
  }

  /** `CompanyReference {id, identifier, name, _info}`, from the three values a company is known by. */
  public company(id: number, identifier: string, name: string): Ref {
    return this.cached('company', id, () => ({
      id,
      identifier,
      name,
      _info: { company_href: this.link(`company/companies/${id}`) },
    }));
  }

  /** `ContactReference {id, name, _info}`. */
  public contact(contact: CwRecord): Ref {
    return this.cached('contact', contact.id, () => ({
      id: contact.id,
      name: `${String(contact.firstName ?? '')} ${String(contact.lastName ?? '')}`.trim(),
      _info: { contact_href: this.link(`company/contacts/${contact.id}`) },
    }));
  }

  /** A `{id, name}` lookup reference with no link, as ConnectWise sends for many setup tables. */
  public lookup(kind: string, id: number, name: string): Ref {
    return this.cached(kind, id, () => ({ id, name }));
  }

  private link(path: string, doubled = this.context.drawDoubledSlash()): string {
    return this.context.href(path, doubled);
  }

  private cached(kind: string, id: number, build: () => Ref): Ref {
    let byId = this.cache.get(kind);
    if (!byId) {
      byId = new Map();
      this.cache.set(kind, byId);
    }
    let ref = byId.get(id);
    if (!ref) {
      ref = build();
      byId.set(id, ref);
    }
    return ref;
  }
}
