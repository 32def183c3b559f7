/** `?page=` of the long lists (outbox, audit log, notifications). */
export { pageNumber } from "#server/domain/paging";
