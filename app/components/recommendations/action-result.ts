/**
 * The page's action answers one form at a time; its errors belong next to that form only.
 * A form is identified by its intent (and, for endorsements, the network it speaks for).
 */
export type ActionResult =
  | { ok: true; done: string }
  | { ok: false; errors: Record<string, string>; values: Record<string, string | string[]> }
  | undefined;

export interface FormState {
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
}

const EMPTY: FormState = { errors: {}, values: {} };

export function stateFor(result: ActionResult, intent: string, match: Record<string, string> = {}): FormState {
  if (!result || result.ok || result.values.intent !== intent) return EMPTY;
  for (const [key, value] of Object.entries(match)) if (result.values[key] !== value) return EMPTY;
  return { errors: result.errors, values: result.values };
}

export const textValue = (state: FormState, key: string): string | undefined => {
  const value = state.values[key];
  return typeof value === "string" ? value : undefined;
};

/**
 * The intents whose form the page shows to this reader now. A refusal for any other (a form
 * sent from an older page, a crafted request) is said at the top of the page instead.
 */
export function shownIntents(data: {
  citable: unknown;
  myNetworks: Array<{ canAct: boolean; endorsed: boolean }>;
  answer: unknown;
  rights: { support: boolean; supported: boolean; openConsultation: boolean; submit: boolean; setThreshold: boolean; answer: boolean; moderate: boolean };
}): Set<string> {
  const shown = new Set<string>();
  if (data.citable) shown.add("cite");
  for (const n of data.myNetworks) if (n.canAct) shown.add(n.endorsed ? "withdraw" : "endorse");
  if (data.rights.support) shown.add(data.rights.supported ? "unsupport" : "support");
  if (data.rights.moderate && data.rights.openConsultation) shown.add("openConsultation");
  if (data.rights.moderate && data.rights.submit) shown.add("submit");
  if (data.rights.moderate && data.rights.setThreshold) shown.add("setThreshold");
  if (data.rights.answer && !data.answer) shown.add("answer");
  return shown;
}
