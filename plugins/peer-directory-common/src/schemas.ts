import { z } from 'zod';
import {
  groupNameSchema,
  isoDate,
  plainText,
  uniqueArray,
  userRefSchema,
} from '@internal/plugin-portal-common';
import {
  ASSIGNMENT_TYPES,
  AVAILABILITIES,
  EXPERIENCES,
  LANGUAGES,
  MEMBERSHIP_STATUSES,
  PROFILE_ROLES,
  SUPPORT_MODES,
  SUPPORT_TOPICS,
  TRAINING_KINDS,
} from './vocabulary';

const groupName = groupNameSchema;
const text = plainText;

/** A calendar date, YYYY-MM-DD, that exists (kept here for old imports). */
export { isoDate };

/** Query of GET /profiles. Unknown parameters are refused. @public */
export const profileQuerySchema = z
  .object({
    q: text(200).optional(),
    region: groupName.optional(),
    unit: groupName.optional(),
    role: z.enum(PROFILE_ROLES).optional(),
    language: z.enum(LANGUAGES).optional(),
    mode: z.enum(SUPPORT_MODES).optional(),
    assignmentType: z.enum(ASSIGNMENT_TYPES).optional(),
    availability: z.enum(AVAILABILITIES).optional(),
    training: z.enum(TRAINING_KINDS).optional(),
    /** Only these people (one or several `userRef` parameters). */
    userRef: z
      .union([userRefSchema, z.array(userRefSchema).min(1).max(100)])
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(500).optional(),
  })
  .strict();
/** @public */
export type ProfileQuery = z.infer<typeof profileQuerySchema>;

/** Body of PUT /profiles/me: what a person keeps up to date themselves. @public */
export const ownProfileUpdateSchema = z
  .object({
    displayName: text(100).trim().min(1),
    region: groupName,
    units: uniqueArray(groupName, 10),
    languages: uniqueArray(z.enum(LANGUAGES), 20),
    supportModes: uniqueArray(z.enum(SUPPORT_MODES), SUPPORT_MODES.length),
    topics: uniqueArray(z.enum(SUPPORT_TOPICS), SUPPORT_TOPICS.length),
    assignmentTypes: uniqueArray(
      z.enum(ASSIGNMENT_TYPES),
      ASSIGNMENT_TYPES.length,
    ),
    availability: z.enum(AVAILABILITIES),
    pausedUntil: isoDate.nullable(),
    experience: uniqueArray(z.enum(EXPERIENCES), EXPERIENCES.length),
    story: text(2000),
  })
  .strict()
  .refine(p => p.availability !== 'paused' || p.pausedUntil !== null, {
    path: ['pausedUntil'],
    message: 'is required when availability is paused',
  });
/** @public */
export type OwnProfileUpdate = z.infer<typeof ownProfileUpdateSchema>;

/** Body of PUT /profiles/me/consent. @public */
export const consentUpdateSchema = z
  .object({ experience: z.boolean(), story: z.boolean() })
  .strict();
/** @public */
export type ConsentUpdate = z.infer<typeof consentUpdateSchema>;

/** Body of POST /interest: a signed-in person wants to become a peer. @public */
export const interestSchema = z
  .object({
    role: z.enum(PROFILE_ROLES),
    region: groupName,
    message: text(1000).optional(),
  })
  .strict();
/** @public */
export type InterestRegistration = z.infer<typeof interestSchema>;

/** Body of POST /profiles/:id/status (coordinators). @public */
export const statusChangeSchema = z
  .object({
    status: z.enum(MEMBERSHIP_STATUSES),
    reason: text(500).optional(),
  })
  .strict();
/** @public */
export type StatusChangeRequest = z.infer<typeof statusChangeSchema>;

/** Body of POST /profiles/:id/training (coordinators). @public */
export const trainingSchema = z
  .object({
    kind: z.enum(TRAINING_KINDS),
    completedOn: isoDate,
    certified: z.boolean(),
    note: text(500).optional(),
  })
  .strict();
/** @public */
export type TrainingRequest = z.infer<typeof trainingSchema>;

/** Path parameter :id of a profile. @public */
export const profileIdSchema = z.string().uuid();

/** Query of GET /coverage. @public */
export const coverageQuerySchema = z
  .object({ region: groupName.optional() })
  .strict();
