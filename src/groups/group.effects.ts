import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { EffectInput } from '../journeys/journey.effects.ts';
import { DomainError } from '../shared/errors.ts';
import {
  countMembers,
  endMembership,
  findCurrentMembershipOfJourney,
  findCurrentMembershipOfYouth,
  insertMembership,
  lockGroup,
  makeAlumni,
  type Membership,
} from './group.repository.ts';
import { MAX_GROUP_SIZE } from './group.schemas.ts';
import { type TextKey, texts, type TextValues } from '../shared/texts.ts';

function auditMembership(db: Db, actor: Actor, youthId: string, details: Record<string, unknown>): Promise<void> {
  return appendAudit(db, {
    municipalityId: actor.municipalityId,
    userId: actor.userId,
    action: 'group.membership_changed',
    youthId,
    details,
    ip: actor.ip,
    requestId: actor.requestId,
  });
}

/** A membership cannot end (or move) before it began. */
function assertNotBeforeJoining(membership: Membership, occurredAt: Date): void {
  if (occurredAt < membership.joinedAt) {
    throw new DomainError('validation_failed', {
      fieldErrors: [
        {
          field: 'occurredAt',
          message: texts('groups.refusals.beforeJoining'),
        },
      ],
    });
  }
}

const groupIdError = (key: TextKey, values?: TextValues) => [{ field: 'groupId', message: texts(key, values) }];

/** Ends the journey's current membership at `at`, if it has one. */
async function leaveGroup(trx: Db, actor: Actor, journeyId: string, at: Date, reason: string): Promise<void> {
  const membership = await findCurrentMembershipOfJourney(trx, actor.municipalityId, journeyId);
  if (!membership) return;
  assertNotBeforeJoining(membership, at);
  await endMembership(trx, actor.municipalityId, membership.id, at);
  await auditMembership(trx, actor, membership.youthId, {
    journeyId,
    groupId: membership.groupId,
    change: 'left',
    reason,
  });
}

/**
 * GROUP_ASSIGNED puts the youth in the group, or moves them from the group they are in. A group
 * takes `capacity` members (8 by default: 6-8 is the model, Rockwool Fonden: Hvad er NExTWORK?); a leader may go beyond it
 * for one youth at a time, but never beyond 12 (Rockwool Fonden: the NExTWORK evaluation summary (2025): 8-12 youth). Alumni do not take a place.
 */
export async function assignToGroup(trx: Db, input: EffectInput<'GROUP_ASSIGNED'>): Promise<void> {
  const { actor, journey, command, occurredAt } = input;
  const group = await lockGroup(trx, actor.municipalityId, command.groupId);
  if (!group || !group.active) {
    throw new DomainError('validation_failed', {
      fieldErrors: groupIdError('groups.refusals.groupMissing'),
    });
  }
  // The youth may still be in a group: this journey's (a move), or an earlier journey's as alumni.
  const previous = await findCurrentMembershipOfYouth(trx, actor.municipalityId, journey.youthId);
  if (previous) assertNotBeforeJoining(previous, occurredAt);

  let members = await countMembers(trx, actor.municipalityId, group.id);
  if (previous?.groupId === group.id && previous.role === 'member') members -= 1;
  const overCapacity = members >= group.capacity;
  if (overCapacity) {
    if (members >= MAX_GROUP_SIZE) {
      throw new DomainError('conflict', {
        fieldErrors: groupIdError('groups.refusals.groupAtMaximum', {
          members,
          capacity: group.capacity,
          max: MAX_GROUP_SIZE,
        }),
        extra: { memberCount: members, capacity: group.capacity },
      });
    }
    if (!command.overrideCapacity) {
      throw new DomainError('conflict', {
        fieldErrors: groupIdError('groups.refusals.groupFull', { members, capacity: group.capacity }),
        extra: { memberCount: members, capacity: group.capacity },
      });
    }
    if (actor.role !== 'leader') {
      throw new DomainError('forbidden', {
        fieldErrors: [
          {
            field: 'overrideCapacity',
            message: texts('groups.refusals.onlyLeaderOverCapacity'),
          },
        ],
      });
    }
  }

  if (previous) await endMembership(trx, actor.municipalityId, previous.id, occurredAt);
  await insertMembership(trx, {
    municipalityId: actor.municipalityId,
    groupId: group.id,
    journeyId: journey.id,
    youthId: journey.youthId,
    joinedAt: occurredAt,
  });
  await auditMembership(trx, actor, journey.youthId, {
    journeyId: journey.id,
    groupId: group.id,
    change: previous ? 'moved' : 'joined',
    ...(previous ? { fromGroupId: previous.groupId } : {}),
    ...(overCapacity ? { overCapacity: true } : {}),
  });
}

/** EXITED: the youth may stay in the group as alumni (Rockwool Fonden: Hvad er NExTWORK?: also when they leave NExTWORK). */
export async function leaveGroupOrStayAsAlumni(trx: Db, input: EffectInput<'EXITED'>): Promise<void> {
  const { actor, journey, command, occurredAt } = input;
  if (!command.stayInGroup) {
    await leaveGroup(trx, actor, journey.id, occurredAt, 'exited');
    return;
  }
  const membership = await findCurrentMembershipOfJourney(trx, actor.municipalityId, journey.id);
  if (!membership || membership.role === 'alumni') return;
  await makeAlumni(trx, actor.municipalityId, membership.id);
  await auditMembership(trx, actor, journey.youthId, {
    journeyId: journey.id,
    groupId: membership.groupId,
    change: 'alumni',
  });
}

/** WITHDRAWN: the youth leaves their group. */
export async function leaveGroupOnWithdrawal(trx: Db, input: EffectInput<'WITHDRAWN'>): Promise<void> {
  const { actor, journey, occurredAt } = input;
  await leaveGroup(trx, actor, journey.id, occurredAt, 'withdrawn');
}
