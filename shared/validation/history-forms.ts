import { z } from "zod";
import { shortText } from "./fields";

/** A named version: "sent to the advisory board, March". */
export const namedVersionForm = z.object({ name: shortText });
