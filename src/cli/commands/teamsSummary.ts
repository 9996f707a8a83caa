/** The lines `solve` prints after a rotation "teams" run: teams, stand-ins, contact spread. */
import type { Problem } from "../../domain/problem.js";
import { standInValues, type TeamsOutcome } from "../../domain/teams.js";
import type { ContactFigures } from "../../metrics/contacts.js";
import { formatMessage, type Lang } from "../../messages/index.js";

/** Stand-ins printed in the terminal; report.html lists all of them. */
const PRINTED_STAND_INS = 20;

export function teamsSummary(problem: Problem, teams: TeamsOutcome, contacts: ContactFigures, lang: Lang): string {
  const withTeams = teams.agencies.filter((a) => a.count > 0);
  const members = withTeams.reduce((n, a) => n + a.members.reduce((m, t) => m + t.length, 0), 0);
  let priority = 0;
  let others = 0;
  for (const a of teams.agencies) {
    for (const p of problem.agencies[a.agency].people) {
      const person = problem.people[p];
      if (person.attendance === "fixed" || teams.teamOf[p] >= 0) continue;
      if (person.attendance === "priority") priority++;
      else others++;
    }
  }
  const lines = [formatMessage("solve.teams", {
    teams: withTeams.reduce((n, a) => n + a.count, 0), agencies: withTeams.length, period: formatMessage(`teams.period_${teams.period}`, {}, lang),
    members, priority, others, standIns: teams.standIns.length, people: new Set(teams.standIns.map((s) => s.person)).size,
    mean: contacts.mean === null ? "-" : contacts.mean.toFixed(1), max: contacts.max ?? "-",
  }, lang)];
  for (const s of teams.standIns.slice(0, PRINTED_STAND_INS)) lines.push(formatMessage("solve.stand_in", standInValues(problem, s), lang));
  if (teams.standIns.length > PRINTED_STAND_INS) lines.push(formatMessage("solve.stand_in_more", { more: teams.standIns.length - PRINTED_STAND_INS }, lang));
  return `${lines.join("\n")}\n`;
}
