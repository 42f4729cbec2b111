import { z } from 'zod';
import { ROLES } from '#db/schema';

// One schema per workspace account form. Messages are translation keys: "admin:x" is
// admin.json's errors.x.

const MIN_PASSWORD = 12;
const MAX_PASSWORD = 256;

const email = z
  .string({ error: 'admin:emailMissing' })
  .trim()
  .max(254, { error: 'admin:emailInvalid' })
  .pipe(z.email({ error: 'admin:emailInvalid' }));
const newPassword = z
  .string({ error: 'admin:passwordMissing' })
  .min(MIN_PASSWORD, { error: 'admin:passwordShort' })
  .max(MAX_PASSWORD, { error: 'admin:passwordLong' });

export const signInSchema = z.object({
  csrf: z.string().optional(),
  email,
  password: z.string({ error: 'admin:passwordMissing' }).max(MAX_PASSWORD, { error: 'admin:passwordLong' }),
  redirectTo: z.string().optional(),
});

export const inviteSchema = z.object({
  csrf: z.string().optional(),
  intent: z.literal('invite'),
  email,
  name: z.string({ error: 'admin:nameMissing' }).trim().min(1, { error: 'admin:nameMissing' }).max(100, { error: 'admin:nameLong' }),
  role: z.enum(ROLES, { error: 'admin:roleMissing' }),
});

const choosePassword = {
  password: newPassword,
  confirm: z.string({ error: 'admin:confirmMissing' }),
};

function passwordsMatch(value: { password: string; confirm: string }, ctx: z.RefinementCtx) {
  if (value.password !== value.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'admin:confirmDifferent' });
}

export const acceptInvitationSchema = z
  .object({
    csrf: z.string().optional(),
    name: z.string({ error: 'admin:nameMissing' }).trim().min(1, { error: 'admin:nameMissing' }).max(100, { error: 'admin:nameLong' }),
    ...choosePassword,
  })
  .superRefine(passwordsMatch);

export const changePasswordSchema = z
  .object({
    csrf: z.string().optional(),
    intent: z.literal('password'),
    current: z.string({ error: 'admin:currentMissing' }).max(MAX_PASSWORD, { error: 'admin:passwordLong' }),
    ...choosePassword,
  })
  .superRefine(passwordsMatch);

export const userChangeSchema = z.discriminatedUnion('intent', [
  z.object({ csrf: z.string().optional(), intent: z.literal('role'), role: z.enum(ROLES, { error: 'admin:roleMissing' }) }),
  z.object({ csrf: z.string().optional(), intent: z.literal('disable') }),
  z.object({ csrf: z.string().optional(), intent: z.literal('enable') }),
  z.object({ csrf: z.string().optional(), intent: z.literal('reinvite') }),
  z.object({ csrf: z.string().optional(), intent: z.literal('signOutEverywhere') }),
]);
