/** `giliran generate`: realistic, feasible synthetic scenarios, deterministic for a seed. */
export { generateScenario, horizon, type GenerateSummary } from "./generate.js";
export { resolveOptions, expectedText, isValidNumber, isMonday, LIMITS, PRESETS, ROTATIONS, DEFAULT_START, type GenerateOptions, type NumericOption, type Preset } from "./options.js";
export { GenerateError } from "./errors.js";
export { HEAD_POSITIONS } from "./catalogue.js";
