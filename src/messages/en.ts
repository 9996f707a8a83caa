/**
 * English message catalogue. Every user-facing word comes from here (or from `id.ts`, the
 * Bahasa Indonesia catalogue with the same keys), keyed by message code. `{name}` marks a
 * value filled in by `formatMessage`.
 */
export const en = {
  // input errors (exit 1)
  "input.file_missing": "{file}: file not found (expected in {dir})",
  "input.file_unreadable": "{file}: cannot be read: {reason}",
  "input.file_empty": "{file}: the file is empty; expected a header line with {expected}",
  "input.json_syntax": "{file}:{line}:{column}: not valid JSON: {reason}",
  "input.column_missing": "{file}:1: missing column \"{column}\" (expected columns: {expected})",
  "input.column_unknown": "{file}:1:{column}: unknown column \"{received}\" (expected columns: {expected})",
  "input.column_duplicate": "{file}:1:{column}: column \"{received}\" appears twice",
  "input.row_width": "{file}:{line}: {received} fields, expected {expected}",
  "input.csv_syntax": "{file}:{line}: cannot read the CSV: {reason}",
  "input.cell": "{file}:{line}:{column}: {field}: expected {expected}, got \"{received}\"",
  "input.field": "{file}: {field}: expected {expected}, got {received}",
  "input.unknown_key": "{file}: unknown key \"{received}\"{where} (a typo? expected one of: {expected})",
  "input.duplicate_id": "{file}:{line}:{column}: duplicate {field} \"{received}\" (first on line {first})",
  "input.unknown_agency": "{file}:{line}:{column}: agency_id \"{received}\" is not in agencies.csv",
  "input.unknown_employee": "{file}:{line}:{column}: employee_id \"{received}\" is not in employees.csv",
  "input.leave_order": "{file}:{line}:{column}: to ({received}) is before from ({expected})",
  "input.rule_bounds": "{file}:{line}:{column}: max_per_day ({received}) is below min_per_day ({expected})",
  "input.no_workdays": "{file}: no workday between {start} and {end} (workdays: {workdays}; holidays removed)",
  "input.cap_both": "{file}:{line}: give cap_percent or cap_count, not both",
  "input.file_binary": "{file}: not a text file (an Excel workbook under a .csv name?); save it as \"CSV UTF-8\"",
  "input.file_encoding": "{file}:{line}: not UTF-8 text; save the file with UTF-8 encoding (in Excel: \"CSV UTF-8\")",
  "input.csv_quote": "{file}:{line}: a quoted field is not closed, or text follows its closing quote",
  "input.field_missing": "{file}: {field}: missing (expected {expected})",
  "input.unknown_key_where": " in {path}",
  "input.more_issues": "{file}: {count} more problem(s) not listed",
  "input.summary": "{count} problem(s) in the input; nothing was written.",

  // infeasible (exit 2)
  "infeasible.fixed_over_cap": "{agency}, {date}: {fixed} staff must be in the office ({reasons}) but the cap is {cap} ({basis})",
  "infeasible.cap_below_min_office": "{agency}, {date}: min_office is {min} but the cap is {cap} ({basis})",
  "infeasible.min_office_unreachable": "{agency}, {date}: min_office is {min} but only {available} staff are available",
  "infeasible.rule_min_unreachable": "{agency}, {date}: rules.csv line {line} asks at least {min} {who} in the office but only {available} are available",
  "infeasible.rule_max_below_fixed": "{agency}, {date}: rules.csv line {line} allows at most {max} {who} but {fixed} of them must be in the office",
  "infeasible.rule_min_over_cap": "{agency}, {date}: the composition rules need at least {needed} staff in the office but the cap is {cap} ({basis})",
  "infeasible.rules_conflict": "{agency}, {date}: the cap ({cap}), min_office ({min}) and the composition rules cannot all hold",
  "infeasible.more_days": "(the same on {more} more workday(s), to {last})",
  "infeasible.summary": "No roster satisfies every rule: {count} cause(s). Nothing was written.",

  // verifier rules (check and solve)
  "rule.leaveIsLeave": "leave day not marked leave",
  "rule.fixedAlwaysIn": "must be in the office",
  "rule.capPerAgencyDay": "office count above the cap",
  "rule.minOfficePerAgencyDay": "office count below min_office",
  "rule.compositionRule": "composition rule broken",
  "rule.weeklyBlocks": "mode changes within a week",
  "rule.unknownMode": "unknown mode code",
  "violation.leaveIsLeave": "{employee} ({agency}), {date}: on leave but marked {mode}",
  "violation.notLeave": "{employee} ({agency}), {date}: marked leave but has no leave that day",
  "violation.fixedAlwaysIn": "{employee} ({agency}), {date}: marked {mode} but must be in the office ({reason})",
  "violation.capPerAgencyDay": "{agency}, {date}: {office} in the office, cap {cap} ({basis})",
  "violation.minOfficePerAgencyDay": "{agency}, {date}: {office} in the office, min_office {min}",
  "violation.compositionRule": "{agency}, {date}: {count} {who} in the office, rules.csv line {line} asks {bounds}",
  "violation.weeklyBlocks": "{employee} ({agency}), week of {week}: office on {office} day(s) and home on {home}",
  "violation.unknownMode": "{employee} ({agency}), {date}: mode code {mode} is not office, home or leave",
  "mode.home": "home",
  "mode.office": "office",
  "mode.leave": "leave",
  "fixedBy.exempt": "exempt agency",
  "fixedBy.mandatory": "mandatory",
  "fixedBy.employment": "{employment} staff do not rotate",
  "who.any": "staff",
  "who.rank": "{rank}",
  "who.unit": "staff of unit {unit}",
  "who.rank_unit": "{rank} of unit {unit}",
  "bounds.at_least": "at least {min}",
  "bounds.at_most": "at most {max}",
  "bounds.exactly": "exactly {min}",
  "bounds.between": "between {min} and {max}",

  // solve summary
  "solve.summary": "{agencies} agencies, {employees} employees, {workdays} workdays: roster written to {out} in {seconds} s; worst fairness spread {spread} ({weekly} within a week).",
  "solve.verified": "Verified: every hard rule holds.",
  "error.internal": "Internal error: {reason}. This is a bug in giliran; please report it with the input.",
  "error.verify_failed": "Internal error: the solved roster broke {count} rule(s); nothing was written. First: {first}",
  "output.write_failed": "{path}: cannot write: {reason}. Nothing was changed in the output directory.",

  // generate (synthetic scenarios)
  "generate.summary": "{agencies} agencies ({exempt} exempt), {employees} employees, {workdays} workdays: synthetic scenario written to {out} ({size}) in {seconds} s.",
  "generate.scenario_name": "{government} (synthetic, seed {seed})",
  "generate.notes": "Synthetic scenario made by giliran generate with seed {seed} (preset {preset}): every name and person is invented. The shape follows BKN statistics: structural 11 %, functional 51 %, implementing 38 %; ages 51-60 34 %, 41-50 33 %, 31-40 24 %, under 31 9 %; 54 % women; one giant education office.",
  "generate.expected_integer": "a whole number from {min} to {max}",
  "generate.expected_number": "a number above {min} and at most {max}",
  "generate.expected_fraction": "a number from {min} to {max}",
  "generate.expected_choice": "one of: {choices}",
  "generate.expected_monday": "a Monday written YYYY-MM-DD",
  "generate.invalid_option": "{option}: expected {expected}, got {received}",
  "generate.too_many_agencies": "{agencies} agencies are more than one government of this preset has (at most {max}); use --preset national for more",
  "generate.too_few_employees": "{employees} employees are too few for {agencies} agencies: they need at least {needed}, so that every office is big enough for its head to fit under a {cap} % cap",

  // printable sheet column titles and report labels
  "sheet.employee_id": "employee_id",
  "sheet.name": "name",
  "sheet.agency_id": "agency_id",
  "sheet.rank": "rank",
} as const;

export type MessageCode = keyof typeof en;
