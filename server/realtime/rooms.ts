/** socket.io room names: who hears what is decided by which rooms a socket joins at connection. */
export const rooms = {
  user: (userId: number) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  /** Editors of a unit: they follow every draft of their unit. */
  unitEditors: (unitId: number) => `unit:${unitId}:editors`,
  /** Reviewers of one level of a unit: their queue. */
  reviewQueue: (unitId: number, level: number) => `queue:${unitId}:${level}`,
  /** Everyone who has one draft open. */
  draft: (draftId: number) => `draft:${draftId}`,
  securityAdmins: () => 'admins:security',
  systemAdmins: () => 'admins:system',
  auditors: () => 'auditors',
};
