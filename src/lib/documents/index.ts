// Document builders (browser-safe). Pages load this module with a dynamic import on click; the
// command line (reports/cli.ts) imports it directly.
export * from "./models.js";
export {buildDraftPlanDocx, planSubject, planTableRows, PLAN_COLUMNS} from "./plan.js";
export {buildEvaluationDocx, reportSubject} from "./report.js";
export {buildDraftPlanXlsx, buildEvaluationXlsx, type ExcelJSLike} from "./xlsx.js";
export {PLACEHOLDER_PREFIX} from "./layout.js";
