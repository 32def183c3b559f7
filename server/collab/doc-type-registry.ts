/** Every kind of collaborative document the platform has. Later issues add recommendations. */
import type { DocTypes } from "./doc-types";
import { workProgrammeDocType } from "../domain/work-programmes/collab-doc-type";
import { WORK_PROGRAMME_DOC_TYPE } from "../domain/work-programmes/manage";

export const docTypes: DocTypes = new Map([[WORK_PROGRAMME_DOC_TYPE, workProgrammeDocType]]);
