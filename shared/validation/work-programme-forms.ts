import { z } from "zod";
import { shortText } from "./fields";

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/);

export const createWorkProgrammeForm = z.object({ title: shortText });
export const renameWorkProgrammeForm = z.object({ id, title: shortText });
export const archiveWorkProgrammeForm = z.object({ id });
