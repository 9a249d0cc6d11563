import { User } from '../models';

export function presentUser(user: User) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    level: user.level,
    unitId: user.unitId,
    status: user.status,
    mustChangePassword: user.mustChangePassword,
  };
}
