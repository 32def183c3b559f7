/**
 * Forms of event planning. Shapes and sizes are checked here; times stay as typed (local to
 * the event's zone) because turning them into UTC, and the rules that need the stored event
 * (sessions inside the event, capacity not below the places taken), are the domain's
 * (server/domain/events). Messages are translation keys.
 */
import { z } from "zod";
import { COST_KINDS, EVENT_FORMATS, EVENT_LANGUAGES, EVENT_TIME_ZONES } from "../events/event-vocabulary";
import { COUNTRIES } from "../roles";
import { choice, longText, optionalText, shortText } from "./fields";
import { MAX_URL_LENGTH } from "./limits";
import { isWebUrl } from "./findings-forms";

export const MAX_CAPACITY = 10_000;
export const MAX_SESSIONS_SPEAKERS = 20;
export const MAX_ORGANISERS = 30;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "validation.choice");
const unique = <T>(values: T[]) => [...new Set(values)];

/** What a datetime-local input sends; whether it exists in the zone is checked on conversion. */
export const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const localTime = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "validation.required").regex(LOCAL_TIME, "events:errors.timeInvalid"));
const optionalLocalTime = z
  .string({ invalid_type_error: "events:errors.timeInvalid" })
  .optional()
  .transform((v) => (v ?? "").trim())
  .pipe(z.union([z.literal(""), z.string().regex(LOCAL_TIME, "events:errors.timeInvalid")]))
  .transform((v) => v || null);
const optionalDay = z
  .string({ invalid_type_error: "events:errors.dayInvalid" })
  .optional()
  .transform((v) => (v ?? "").trim())
  .pipe(z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "events:errors.dayInvalid")]))
  .transform((v) => v || null);

const languages = z.array(choice(EVENT_LANGUAGES)).max(EVENT_LANGUAGES.length * 2).transform(unique);

const capacity = z
  .string({ invalid_type_error: "events:errors.capacityInvalid" })
  .optional()
  .transform((v) => (v ?? "").trim())
  .pipe(z.union([z.literal(""), z.string().regex(/^\d{1,6}$/, "events:errors.capacityInvalid")]))
  .transform((v) => (v ? Number(v) : null))
  .pipe(z.number().int().min(1, "events:errors.capacityInvalid").max(MAX_CAPACITY, "events:errors.capacityInvalid").nullable());

const onlineUrl = z
  .string({ invalid_type_error: "events:errors.onlineUrl" })
  .optional()
  .transform((v) => (v ?? "").trim())
  .pipe(z.union([z.literal(""), z.string().max(MAX_URL_LENGTH, "validation.tooLong").refine(isWebUrl, "events:errors.onlineUrl")]))
  .transform((v) => v || null);

/** Fields that name several values: parseWith reads them with getAll. */
export const EVENT_ARRAY_FIELDS = ["workingLanguages", "organisations"];

export const eventForm = z
  .object({
    title: shortText,
    description: longText,
    format: choice(EVENT_FORMATS),
    timeZone: choice(EVENT_TIME_ZONES),
    start: localTime,
    end: localTime,
    venue: optionalText(200),
    address: optionalText(300),
    city: optionalText(120),
    country: z.union([z.literal(""), choice(COUNTRIES)]).default(""),
    onlineUrl,
    workingLanguages: languages.pipe(z.array(z.string()).min(1, "events:errors.languageRequired")),
    capacity,
    deadline: optionalLocalTime,
    organisations: z.array(id).max(MAX_ORGANISERS, "validation.tooLong").transform(unique),
  })
  .superRefine((value, ctx) => {
    // An online meeting needs its link; every other format a place to go (or a link, for hybrid meetings).
    if (value.format === "onlineMeeting" && !value.onlineUrl) ctx.addIssue({ code: "custom", path: ["onlineUrl"], message: "events:errors.onlineUrlRequired" });
    else if (!value.city && !value.onlineUrl) ctx.addIssue({ code: "custom", path: ["city"], message: "events:errors.placeRequired" });
  });
export type EventFormData = z.infer<typeof eventForm>;

export const EVENT_STATUS_CHANGES = ["publish", "cancel", "markHeld", "reopen"] as const;
export const statusChangeForm = z.object({ change: choice(EVENT_STATUS_CHANGES) });

export const SESSION_ARRAY_FIELDS = ["speakers"];
export const sessionForm = z.object({
  sessionId: id.optional(),
  title: shortText,
  start: localTime,
  end: localTime,
  room: optionalText(120),
  language: choice(EVENT_LANGUAGES),
  speakers: z.array(id).max(MAX_SESSIONS_SPEAKERS, "validation.tooLong").transform(unique),
  guests: optionalText(2000),
});
export type SessionFormData = z.infer<typeof sessionForm>;

export const REGISTRATION_ARRAY_FIELDS = ["understands"];
export const registrationForm = z.object({
  /** A coordinator registering a colleague names them; absent: oneself. */
  userId: id.optional(),
  preferredLanguage: choice(EVENT_LANGUAGES),
  understands: languages,
  accessibilityNeeds: optionalText(1000),
  dietaryNeeds: optionalText(1000),
  arrival: optionalDay,
  departure: optionalDay,
  needsRoom: z
    .union([z.literal("on"), z.literal(""), z.undefined()])
    .transform((v) => v === "on"),
});
export type RegistrationFormData = z.infer<typeof registrationForm>;

export const registrationRefForm = z.object({ registrationId: id });

export const ATTENDANCE_ARRAY_FIELDS = ["present", "listed"];
export const attendanceForm = z.object({
  /** Every registration shown on the page, so unticked boxes count as absent. */
  listed: z.array(id).max(MAX_CAPACITY),
  present: z.array(id).max(MAX_CAPACITY),
});

export const bookingForm = z.object({
  sessionId: id,
  from: choice(EVENT_LANGUAGES),
  to: choice(EVENT_LANGUAGES),
  booked: z.enum(["true", "false"], { errorMap: () => ({ message: "validation.choice" }) }).transform((v) => v === "true"),
});

const euros = (required: boolean) =>
  z
    .string({ invalid_type_error: "events:errors.amountInvalid" })
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(required ? z.string().min(1, "validation.required").max(30, "events:errors.amountInvalid") : z.string().max(30, "events:errors.amountInvalid"));

export const costForm = z.object({
  costId: id.optional(),
  kind: choice(COST_KINDS),
  description: optionalText(300),
  /** Amounts as typed ("1.234,50 €"); read by parseEuros in the domain so the message names the field. */
  planned: euros(true),
  actual: euros(false),
});
export type CostFormData = z.infer<typeof costForm>;

export const reminderSettingForm = z.object({
  reminderHours: z.enum(["off", "2", "24", "48", "168"], { errorMap: () => ({ message: "validation.choice" }) }),
});

/** Minutes: turn an action item into an activity of a work programme. */
export const actionToActivityForm = z.object({ actionId: id, workProgrammeId: id });
