import { isPasswordExpired, passwordExpiresAt } from '../auth/passwordPolicy';
import { User } from '../models';

/** An account as the console shows it: never its password hash or second-factor secret. */
export function presentUser(user: User) {
  const expired = isPasswordExpired(user.passwordChangedAt);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    level: user.level,
    unitId: user.unitId,
    status: user.status,
    /** True for an initial or reset password, and for one past its maximum age. */
    mustChangePassword: user.mustChangePassword || expired,
    passwordExpiresAt: passwordExpiresAt(user.passwordChangedAt).toISOString(),
    totpEnabled: Boolean(user.totpSecret),
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
    createdAt: user.createdAt ? user.createdAt.toISOString() : null,
    /** The last change to the account (not a login): an edit form sends it back as expectedUpdatedAt. */
    updatedAt: user.updatedAt ? user.updatedAt.toISOString() : null,
  };
}
