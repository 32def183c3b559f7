/** What the events actions answer (app/lib/events.server.ts): which form it was for, its messages, what was typed. */
export interface EventActionResult {
  ok: boolean;
  intent: string | null;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  /** register: whether the person got a place or joined the waiting list. */
  status?: string;
}
