/**
 * The planner's views of report.html, beside the heatmap and the grid:
 * - a print view per agency: every person of the agency in one table (no paging), weekday
 *   names, holidays as grey columns, the agency's name on every page (a repeated table head
 *   and the page header), "page N of M" in the footer (CSS page margin boxes), a signature
 *   block; built by the script when "print this agency" is pressed, and the only thing printed;
 * - a day view: who of the chosen agency is in the office on a chosen workday;
 * - a person lookup by NIP or name across all agencies: their days, and an `.ics` calendar of
 *   them to download;
 * - the agency column of the heatmap and the id column of the grid stay in view when the
 *   table scrolls sideways.
 * The people's modes come from the grid's data (`giliran-data`); this adds `giliran-planner`.
 */
import { HOME, LEAVE, OFFICE, type Problem } from "../domain/problem.js";
import { formatMessage, type Lang, type MessageCode, type MessageValues } from "../messages/index.js";
import { escapeHtml, scriptJson } from "./renderReport.js";

/** A day of the printed calendar: a workday, or a holiday falling on a working weekday. */
export interface CalendarDay {
  date: string;
  weekday: number;
  holiday: boolean;
}

/**
 * The workdays and, between them, the holidays: dates on a weekday that has workdays in the
 * horizon but that are not workdays themselves.
 *
 * @example printCalendar(["2021-08-16", "2021-08-18"]) //=> 16 Aug, 17 Aug (holiday), 18 Aug
 */
export function printCalendar(days: readonly string[]): CalendarDay[] {
  if (days.length === 0) return [];
  const workdays = new Set(days);
  const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
  const working = new Set(days.map(weekdayOf));
  const out: CalendarDay[] = [];
  const last = Date.parse(`${days[days.length - 1]}T00:00:00Z`);
  for (let t = Date.parse(`${days[0]}T00:00:00Z`); t <= last; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const weekday = new Date(t).getUTCDay();
    if (workdays.has(date)) out.push({ date, weekday, holiday: false });
    else if (working.has(weekday)) out.push({ date, weekday, holiday: true });
  }
  return out;
}

/** CSS text of a string: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, " ")}"`;
}

/** `Page {page} of {pages}` as CSS `content`: `"Page " counter(page) " of " counter(pages)`. */
function pageCounterContent(template: string): string {
  return template.split(/(\{page\}|\{pages\})/).filter((part) => part !== "")
    .map((part) => (part === "{page}" ? "counter(page)" : part === "{pages}" ? "counter(pages)" : cssString(part))).join(" ");
}

/** Print rules of the whole page: A4 landscape, page numbers in the footer. */
export function plannerPageCss(lang: Lang): string {
  return `@page{size:A4 landscape;margin:14mm 10mm 14mm 10mm;@bottom-right{content:${pageCounterContent(formatMessage("report.page_of", {}, lang))};font-size:8pt;color:#444}}\n`;
}

/** The section with the day view and the person lookup, and the print button. */
export function plannerSection(problem: Problem, lang: Lang): string {
  const t = (code: MessageCode, values: MessageValues = {}): string => escapeHtml(formatMessage(code, values, lang));
  const weekdays = formatMessage("sheet.weekdays", {}, lang).split(",");
  const options = problem.calendar.days.map((d, i) => `<option value="${i}">${escapeHtml(weekdays[new Date(`${d}T00:00:00Z`).getUTCDay()])} ${d}</option>`).join("");
  return `<section id="planner">` +
    `<div class="controls"><button id="print-agency" type="button">${t("report.print_agency")}</button></div>\n` +
    `<h2>${t("report.day_view")}</h2>\n` +
    `<div class="controls"><label>${t("report.day_pick")} <select id="day">${options}</select></label></div>\n` +
    `<p id="day-title"></p><ol id="day-list" class="names"></ol>\n` +
    `<h2>${t("report.person")}</h2>\n` +
    `<div class="controls"><input id="person-q" type="search" placeholder="${t("report.person_search")}" aria-label="${t("report.person_search")}"></div>\n` +
    `<ul id="person-results" class="names"></ul><div id="person-card"></div>\n` +
    `</section>\n`;
}

/** The data of the planner's views (the modes themselves are in the grid's data). */
export function plannerData(problem: Problem, lang: Lang): string {
  const f = (code: MessageCode, values: MessageValues = {}) => formatMessage(code, values, lang);
  const letters = f("sheet.mode_letters");
  const days = problem.calendar.days;
  return scriptJson({
    scenario: problem.name,
    days,
    calendar: printCalendar(days).map((d) => [d.date, d.weekday, d.holiday ? 1 : 0]),
    weekdays: f("sheet.weekdays").split(","),
    // O/H/L of the grid's data, in the page's language.
    letters: { O: letters[OFFICE], H: letters[HOME], L: letters[LEAVE] },
    agencies: problem.agencies.map((a) => ({
      name: a.name,
      cap: a.exempt ? f("xlsx.cap_exempt") : f("xlsx.cap", { cap: a.cap ?? 0, basis: a.capBasis }),
      positions: a.people.map((p) => problem.people[p].position),
    })),
    labels: {
      title: f("report.print_title", { agency: "{agency}", first: days[0] ?? "", last: days[days.length - 1] ?? "" }),
      id: f("sheet.employee_id"), name: f("sheet.name"), position: f("sheet.position"), office: f("sheet.office_days"),
      holiday: f("report.holiday"), known: f("xlsx.signature_known"), head: f("xlsx.signature_head", { agency: "{agency}" }), nip: f("xlsx.signature_nip"),
      dayIn: f("report.day_in", { agency: "{agency}", date: "{date}", count: "{count}" }), dayCounts: f("report.day_counts", { home: "{home}", leave: "{leave}" }),
      dayNone: f("report.day_none"), personNone: f("report.person_none"),
      personTotal: f("report.person_total", { office: "{office}", days: "{days}" }), ics: f("report.ics"),
      modes: { O: f("report.mode_office"), H: f("report.mode_home"), L: f("report.mode_leave") },
    },
  });
}

export const PLANNER_CSS = `
.heat tbody th,.heat thead th:first-child,.people tbody th,.people thead th:first-child{position:sticky;left:0;z-index:2;background:#fff}
.heat thead th:first-child,.people thead th:first-child{z-index:3;background:#f3f4f6}
ol.names,ul.names{columns:18rem auto;margin:.2rem 0;padding-left:1.6rem}
ul.names{list-style:none;padding-left:0}ul.names button{font:inherit;background:none;border:0;color:#00606a;text-decoration:underline;cursor:pointer;padding:0}
#person-card table td{text-align:left}#person-card td.mO{background:#006973;color:#fff}#person-card td.mL{background:#f6e7b0}
#print-view{display:none}
#print-view table{border-collapse:collapse;width:100%;font-size:7.5pt}
#print-view th,#print-view td{border:1px solid #999;padding:1px 2px;white-space:nowrap}#print-view td.pos{white-space:normal;min-width:32mm;max-width:60mm}
#print-view td.hol,#print-view th.hol{background:#d6d6d6;color:#444}
#print-view td.mO{background:#006973;color:#fff}#print-view td.mL{background:#f6e7b0}
#print-view thead th.ptitle{text-align:left;font-size:10pt;border:0;padding-bottom:4px}
#print-view tr{break-inside:avoid}
#print-view .signature{margin:10mm 8mm 0 auto;width:70mm;break-inside:avoid;text-align:left;line-height:1.6}
@media print{
body.print-one>*:not(#print-view){display:none!important}
body.print-one #print-view{display:block}
#planner{display:none}
}
`;

/** The planner's views; rows are built with textContent only, like the grid's. */
export const PLANNER_SCRIPT = `
(function(){
"use strict";
var grid=JSON.parse(document.getElementById("giliran-data").textContent);
var P=JSON.parse(document.getElementById("giliran-planner").textContent),L=P.labels;
var sel=document.getElementById("agency"),daySel=document.getElementById("day");
function fill(t,v){return t.replace(/\\{(\\w+)\\}/g,function(w,k){return k in v?String(v[k]):w;});}
function el(tag,text,cls){var e=document.createElement(tag);if(text!==undefined&&text!==null)e.textContent=text;if(cls)e.className=cls;return e;}
function agency(){return Number(sel.value)||0;}
function shortDate(iso){return iso.slice(8,10)+"/"+iso.slice(5,7);}
function weekday(iso){return P.weekdays[new Date(iso+"T00:00:00Z").getUTCDay()];}
function css(s){return '"'+String(s).replace(/[\\\\"]/g,function(c){return "\\\\"+c;}).replace(/[\\r\\n]+/g," ")+'"';}
/* The day view. */
function drawDay(){
  var a=agency(),d=Number(daySel.value)||0,people=grid.agencies[a]||[],list=document.getElementById("day-list"),inn=[],home=0,leave=0;
  for(var i=0;i<people.length;i++){var m=people[i][2].charAt(d);if(m==="O")inn.push(people[i]);else if(m==="H")home++;else if(m==="L")leave++;}
  document.getElementById("day-title").textContent=fill(L.dayIn,{agency:P.agencies[a].name,date:weekday(P.days[d])+" "+P.days[d],count:inn.length})+"; "+fill(L.dayCounts,{home:home,leave:leave});
  var frag=document.createDocumentFragment();
  for(var k=0;k<inn.length;k++)frag.appendChild(el("li",inn[k][1]+" ("+inn[k][0]+")"));
  if(!inn.length)frag.appendChild(el("li",L.dayNone));
  list.replaceChildren(frag);
}
/* The person lookup, over every agency; at most 20 matches listed. */
var q=document.getElementById("person-q"),results=document.getElementById("person-results"),card=document.getElementById("person-card");
function search(){
  var text=q.value.trim().toLowerCase(),frag=document.createDocumentFragment(),n=0;
  card.replaceChildren();
  if(text){
    for(var a=0;a<grid.agencies.length&&n<20;a++){var ps=grid.agencies[a];for(var i=0;i<ps.length&&n<20;i++){
      var p=ps[i];if(p[0].toLowerCase().indexOf(text)<0&&p[1].toLowerCase().indexOf(text)<0)continue;
      var b=el("button",p[1]+" ("+p[0]+"), "+P.agencies[a].name);b.type="button";b.dataset.a=a;b.dataset.i=i;b.addEventListener("click",show);
      var li=el("li");li.appendChild(b);frag.appendChild(li);n++;}}
    if(!n)frag.appendChild(el("li",L.personNone));
  }
  results.replaceChildren(frag);
  if(n===1)results.querySelector("button").click();
}
function show(ev){
  var a=Number(ev.currentTarget.dataset.a),p=grid.agencies[a][Number(ev.currentTarget.dataset.i)],office=0;
  var table=el("table"),body=el("tbody");
  for(var d=0;d<P.days.length;d++){var m=p[2].charAt(d);if(m==="O")office++;var tr=el("tr");tr.appendChild(el("td",weekday(P.days[d])));tr.appendChild(el("td",P.days[d]));tr.appendChild(el("td",L.modes[m]||m,"m"+m));body.appendChild(tr);}
  table.appendChild(body);
  var link=el("a",L.ics);link.id="person-ics";link.href="#";link.download=p[0].replace(/[^A-Za-z0-9._-]+/g,"_")+".ics";
  link.addEventListener("click",function(e){link.href=URL.createObjectURL(new Blob([ics(p,a)],{type:"text/calendar"}));});
  card.replaceChildren(el("h3",p[1]+" ("+p[0]+")"),el("p",P.agencies[a].name+": "+fill(L.personTotal,{office:office,days:P.days.length})),link,table);
}
function icsText(s){return String(s).replace(/[\\\\;,]/g,function(c){return "\\\\"+c;}).replace(/\\r?\\n/g,"\\\\n");}
function compact(iso){return iso.replace(/-/g,"");}
function nextDay(iso){return new Date(Date.parse(iso+"T00:00:00Z")+86400000).toISOString().slice(0,10);}
function ics(p,a){
  var lines=["BEGIN:VCALENDAR","VERSION:2.0","PRODID:-//giliran//roster//EN","CALSCALE:GREGORIAN","X-WR-CALNAME:"+icsText(p[1]+" - "+P.scenario)];
  for(var d=0;d<P.days.length;d++){var m=p[2].charAt(d),day=P.days[d];
    lines.push("BEGIN:VEVENT","UID:"+icsText(p[0])+"-"+compact(day)+"@giliran","DTSTAMP:"+compact(P.days[0])+"T000000Z","DTSTART;VALUE=DATE:"+compact(day),"DTEND;VALUE=DATE:"+compact(nextDay(day)),
      "SUMMARY:"+icsText((L.modes[m]||m)+" - "+P.agencies[a].name),"TRANSP:TRANSPARENT","END:VEVENT");}
  lines.push("END:VCALENDAR");
  return lines.join("\\r\\n")+"\\r\\n";
}
/* The print view of one agency: every person, the whole calendar, the signature block. */
function buildPrint(a){
  var view=document.getElementById("print-view"),people=grid.agencies[a]||[],info=P.agencies[a],cal=P.calendar;
  var table=el("table"),head=el("thead"),title=el("tr"),th=el("th",fill(L.title,{agency:info.name})+". "+info.cap,"ptitle");
  th.colSpan=cal.length+4;title.appendChild(th);head.appendChild(title);
  var cols=el("tr");cols.appendChild(el("th",L.id));cols.appendChild(el("th",L.name));cols.appendChild(el("th",L.position));
  for(var c=0;c<cal.length;c++){var h=el("th",null,cal[c][2]?"hol":"");h.appendChild(el("div",P.weekdays[cal[c][1]]));h.appendChild(el("div",shortDate(cal[c][0])));cols.appendChild(h);}
  cols.appendChild(el("th",L.office));head.appendChild(cols);table.appendChild(head);
  var body=el("tbody"),index={};for(var d=0;d<P.days.length;d++)index[P.days[d]]=d;
  for(var i=0;i<people.length;i++){var p=people[i],tr=el("tr"),office=0;
    tr.appendChild(el("td",p[0]));tr.appendChild(el("td",p[1]));tr.appendChild(el("td",info.positions[i]||"","pos"));
    for(var k=0;k<cal.length;k++){if(cal[k][2]){tr.appendChild(el("td","-","hol"));continue;}var m=p[2].charAt(index[cal[k][0]]);if(m==="O")office++;tr.appendChild(el("td",P.letters[m]||m,"m"+m));}
    tr.appendChild(el("td",String(office)));body.appendChild(tr);}
  table.appendChild(body);
  var sig=el("div",null,"signature");sig.appendChild(el("div",L.known));sig.appendChild(el("div",fill(L.head,{agency:info.name})));
  sig.appendChild(el("div","\\u00a0"));sig.appendChild(el("div","\\u00a0"));sig.appendChild(el("div","(..................................)"));sig.appendChild(el("div",L.nip+" ................................"));
  view.replaceChildren(table,sig);
  var style=document.getElementById("print-page");
  style.textContent="@page{@top-left{content:"+css(info.name)+";font-size:8pt;font-weight:bold}@top-right{content:"+css(P.scenario)+";font-size:8pt}}";
  document.body.classList.add("print-one");
}
window.giliranPrintAgency=buildPrint;
document.getElementById("print-agency").addEventListener("click",function(){buildPrint(agency());window.print();});
window.addEventListener("afterprint",function(){document.body.classList.remove("print-one");});
sel.addEventListener("change",drawDay);daySel.addEventListener("change",drawDay);q.addEventListener("input",search);
drawDay();
})();
`;
