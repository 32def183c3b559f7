/** The notification centre, the unread badge and the e-mail choices. */
export {
  emailChoices,
  markNotificationsRead,
  notificationCentre,
  ownNotification,
  saveEmailChoices,
  unreadCount,
} from "#server/domain/notifications/centre";
