export function serializeEndUser(user: { userId: string; username: string | null; fullName: string | null; createdAt: Date }) {
  return { userId: user.userId, username: user.username, fullName: user.fullName, createdAt: user.createdAt.toISOString() };
}
