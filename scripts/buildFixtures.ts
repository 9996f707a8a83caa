/**
 * Builds `fixtures/<id>/` for the five seed policies (README, "Seed scenarios"): real agency
 * names of each region, a roster of that government's size made by the generator's library
 * with a fixed seed, and the seed's rules in scenario.json and rules.csv. Run once and commit
 * the output: `npx tsc -p tsconfig.json && node dist/scripts/buildFixtures.js [id ...]`.
 * Same code, same bytes.
 */
import { readFile, writeFile, unlink } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { generateScenario } from "../src/generate/generate.js";
import { hospital, kecamatan, puskesmas, type AgencyTemplate, type Level } from "../src/generate/catalogue.js";
import type { CustomAgency } from "../src/generate/options.js";
import type { Rank } from "../src/domain/values.js";

const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** SKB 3 Menteri 2020 as amended (cuti bersama 21 Aug, 28 and 30 Oct, 24 and 31 Dec), and 9 Dec 2020 (Pilkada, Keppres 22/2020). */
export const HOLIDAYS_2020 = [
  "2020-01-01", "2020-01-25", "2020-03-22", "2020-03-25", "2020-04-10", "2020-05-01", "2020-05-07", "2020-05-21",
  "2020-05-24", "2020-05-25", "2020-06-01", "2020-07-31", "2020-08-17", "2020-08-20", "2020-08-21", "2020-10-28",
  "2020-10-29", "2020-10-30", "2020-12-09", "2020-12-24", "2020-12-25", "2020-12-31",
];
/**
 * SKB 3 Menteri 2025 (holidays and cuti bersama): Isra Mikraj, Imlek and its cuti bersama, Nyepi
 * and its cuti bersama, Idul Fitri (31 Mar-1 Apr) and cuti bersama 2-4 and 7 Apr, Good Friday,
 * Easter, 1 May, Waisak and its cuti bersama, Ascension and its cuti bersama, Pancasila, Idul Adha
 * and its cuti bersama, Islamic New Year, 17 Aug and cuti bersama 18 Aug, Maulid, Christmas and
 * cuti bersama 26 Dec.
 */
export const HOLIDAYS_2025 = [
  "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-03-28", "2025-03-29", "2025-03-31", "2025-04-01",
  "2025-04-02", "2025-04-03", "2025-04-04", "2025-04-07", "2025-04-18", "2025-04-20", "2025-05-01", "2025-05-12",
  "2025-05-13", "2025-05-29", "2025-05-30", "2025-06-01", "2025-06-06", "2025-06-09", "2025-06-27", "2025-08-17",
  "2025-08-18", "2025-09-05", "2025-12-25", "2025-12-26",
];
/** SKB 3 Menteri 2021 as amended (cuti bersama 12 May only). */
export const HOLIDAYS_2021 = [
  "2021-01-01", "2021-02-12", "2021-03-11", "2021-03-14", "2021-04-02", "2021-05-01", "2021-05-12", "2021-05-13",
  "2021-05-14", "2021-05-26", "2021-06-01", "2021-07-20", "2021-08-11", "2021-08-17", "2021-10-20", "2021-12-25",
];

const HEADS = {
  dinas: "Kepala Dinas", badan: "Kepala Badan", satpol: "Kepala Satuan", bpbd: "Kepala Pelaksana",
  setda: "Sekretaris Daerah", setwan: "Sekretaris DPRD", inspektorat: "Inspektur",
} as const;
/** Every head-of-agency title the fixtures use, camat and hospital director included. */
const HEAD_TITLES = [...Object.values(HEADS), "Direktur", "Camat", "Kepala Puskesmas"];

interface Spec {
  code: string;
  name: string;
  size: number;
  head?: string;
  exempt?: boolean;
  field?: AgencyTemplate["field"];
  units?: string[];
  fieldUnits?: string[];
  /** Share of fungsional among staff below the structure. */
  functional?: number;
  structure?: Partial<Record<Rank, number>>;
}

const bidang = (...names: string[]) => ["Sekretariat", ...names.map((n) => `Bidang ${n}`)];

/** A dinas or badan: a head (eselon II), a secretary and heads of division (eselon III), heads of section (eselon IV). */
function office(level: Level, s: Spec): CustomAgency {
  const template: AgencyTemplate = {
    code: s.code, name: s.name, category: s.code === "SETDA" ? "core" : "dinas", head: s.head ?? HEADS.dinas,
    headRank: { prov: s.code === "SETDA" ? "eselon_1" : "eselon_2", kab: "eselon_2" }, levels: [level], field: s.field ?? "generic", weight: 1,
    exempt: s.exempt, units: s.units ? { prov: s.units, kab: s.units } : undefined,
    fieldUnits: s.fieldUnits ? { prov: s.fieldUnits, kab: s.fieldUnits } : undefined,
  };
  const e3 = Math.min(6, Math.max(3, Math.round(s.size / 15)));
  const e4 = Math.min(16, Math.max(5, Math.round(s.size / 6)));
  const structure = s.structure ?? { eselon_3: e3, eselon_4: e4 };
  return { template, size: s.size, structure, functionalShare: s.functional ?? 0.45 };
}

function withHospital(level: Level, code: string, name: string, size: number): CustomAgency {
  return { template: { ...hospital(code, name), levels: [level] }, size, structure: { eselon_2: 2, eselon_3: 5, eselon_4: 10 }, functionalShare: 0.8 };
}

function district(code: string, place: string, size: number, villages: string[]): CustomAgency {
  const template = { ...kecamatan(code, place), units: { prov: [], kab: ["Sekretariat", ...villages] } };
  return { template, size, structure: { eselon_3: 1, eselon_4: 5 }, functionalShare: 0.1 };
}

function clinic(code: string, place: string, size: number): CustomAgency {
  return { template: puskesmas(code, place), size, structure: { eselon_4: 1 }, functionalShare: 0.85 };
}

/** Size of the education office: what the other agencies leave of the government's total. */
function withEducation(total: number, education: (size: number) => CustomAgency, others: CustomAgency[]): CustomAgency[] {
  const rest = others.reduce((n, a) => n + a.size, 0);
  const [core, tail] = [others.slice(0, 3), others.slice(3)];
  return [...core, education(total - rest), ...tail];
}

const SCHOOLS_PROV = ["SMA Negeri", "SMK Negeri", "SLB Negeri"];
const SCHOOLS_KAB = ["Sekolah Dasar", "Sekolah Menengah Pertama", "Pendidikan Anak Usia Dini"];

function education(level: Level, code: string, name: string, size: number): CustomAgency {
  const spec = office(level, { code, name, size, field: "education", functional: 0.9, units: bidang("Pembinaan SMA", "Pembinaan SMK", "Ketenagaan"), fieldUnits: level === "prov" ? SCHOOLS_PROV : SCHOOLS_KAB });
  return { ...spec, structure: { eselon_3: 6, eselon_4: 16 } };
}

interface Fixture {
  id: string;
  seed: number;
  government: { label: string; level: Level; agencies: CustomAgency[] };
  start: string;
  end: string;
  holidays: string[];
  capPercent: number;
  scenario: Record<string, unknown>;
  rules?: string[];
  /** Rows of units.csv (`agency_id,unit,exempt,min_office,cap_percent`). */
  units?: string[];
  /** Rows of caps.csv (`agency_id,from,to,cap_percent,cap_count`). */
  caps?: string[];
  /** Adds an `eligible` column to employees.csv: false for whom this returns false. */
  eligible?: (row: { id: string; employment: string; birthDate: string }) => boolean;
}

// ---------------------------------------------------------------- Kalimantan Selatan (province)

function kalsel(): Fixture {
  const p = (s: Spec) => office("prov", s);
  const agencies = withEducation(12_000, (n) => education("prov", "DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", n), [
    p({ code: "SETDA", name: "Sekretariat Daerah", head: HEADS.setda, size: 420,
      units: ["Biro Pemerintahan", "Biro Hukum", "Biro Perekonomian", "Biro Administrasi Pembangunan", "Biro Umum", "Biro Organisasi", "Biro Kesejahteraan Rakyat"],
      structure: { eselon_2: 10, eselon_3: 24, eselon_4: 60 } }),
    p({ code: "SETWAN", name: "Sekretariat DPRD", head: HEADS.setwan, size: 110 }),
    p({ code: "INSPEKTORAT", name: "Inspektorat", head: HEADS.inspektorat, size: 95, field: "audit", functional: 0.7 }),
    p({ code: "DINKES", name: "Dinas Kesehatan", size: 260, field: "health", functional: 0.6, units: bidang("Pelayanan Kesehatan", "Kesehatan Masyarakat", "Pencegahan dan Pengendalian Penyakit") }),
    p({ code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", size: 330, units: bidang("Bina Marga", "Sumber Daya Air", "Cipta Karya", "Penataan Ruang") }),
    p({ code: "DISPERKIM", name: "Dinas Perumahan Rakyat dan Kawasan Permukiman", size: 110 }),
    p({ code: "SATPOLPP", name: "Satuan Polisi Pamong Praja dan Pemadam Kebakaran", head: HEADS.satpol, size: 170, functional: 0.2 }),
    p({ code: "DINSOS", name: "Dinas Sosial", size: 150 }),
    p({ code: "DISNAKERTRANS", name: "Dinas Tenaga Kerja dan Transmigrasi", size: 130 }),
    p({ code: "DP3A", name: "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", size: 70 }),
    p({ code: "DKP", name: "Dinas Ketahanan Pangan", size: 90, field: "agriculture" }),
    p({ code: "DLH", name: "Dinas Lingkungan Hidup", size: 110 }),
    p({ code: "DPMD", name: "Dinas Pemberdayaan Masyarakat dan Desa", size: 80 }),
    p({ code: "DISHUB", name: "Dinas Perhubungan", size: 190 }),
    p({ code: "DISKOMINFO", name: "Dinas Komunikasi dan Informatika", size: 80 }),
    p({ code: "DISKOPUKM", name: "Dinas Koperasi dan Usaha Kecil Menengah", size: 80 }),
    p({ code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", size: 90, exempt: true, units: bidang("Pelayanan Perizinan", "Penanaman Modal") }),
    p({ code: "DISPORA", name: "Dinas Pemuda dan Olahraga", size: 90 }),
    p({ code: "DISPERSIP", name: "Dinas Perpustakaan dan Kearsipan", size: 90 }),
    p({ code: "DKP2", name: "Dinas Kelautan dan Perikanan", size: 160, field: "agriculture" }),
    p({ code: "DTPH", name: "Dinas Tanaman Pangan dan Hortikultura", size: 230, field: "agriculture" }),
    p({ code: "DISBUNNAK", name: "Dinas Perkebunan dan Peternakan", size: 190, field: "agriculture" }),
    p({ code: "DISHUT", name: "Dinas Kehutanan", size: 420, field: "agriculture", fieldUnits: ["KPH Tabalong", "KPH Balangan", "KPH Hulu Sungai", "KPH Tanah Laut", "KPH Kusan", "KPH Pulau Laut dan Sebuku", "KPH Cantung", "KPH Batulicin"] }),
    p({ code: "DESDM", name: "Dinas Energi dan Sumber Daya Mineral", size: 120 }),
    p({ code: "DISPERIN", name: "Dinas Perindustrian", size: 80 }),
    p({ code: "DISDAG", name: "Dinas Perdagangan", size: 100 }),
    p({ code: "DISBUDPAR", name: "Dinas Pariwisata", size: 70 }),
    p({ code: "BAPPELITBANGDA", name: "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", head: HEADS.badan, size: 100 }),
    p({ code: "BAKEUDA", name: "Badan Keuangan Daerah", head: HEADS.badan, size: 140 }),
    p({ code: "BAPENDA", name: "Badan Pendapatan Daerah", head: HEADS.badan, size: 520, units: ["Sekretariat", "Bidang Pendapatan", "UPPD Samsat Banjarmasin I", "UPPD Samsat Banjarmasin II", "UPPD Samsat Banjarbaru", "UPPD Samsat Martapura"] }),
    p({ code: "BKD", name: "Badan Kepegawaian Daerah", head: HEADS.badan, size: 95, units: bidang("Mutasi", "Pengembangan Pegawai", "Data dan Informasi") }),
    p({ code: "BPSDM", name: "Badan Pengembangan Sumber Daya Manusia", head: HEADS.badan, size: 80 }),
    p({ code: "BPBD", name: "Badan Penanggulangan Bencana Daerah", head: HEADS.bpbd, size: 80, exempt: true }),
    p({ code: "KESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik", head: HEADS.badan, size: 60 }),
    p({ code: "BAPENGHUB", name: "Badan Penghubung", head: HEADS.badan, size: 30 }),
    withHospital("prov", "RSUD-ULIN", "Rumah Sakit Umum Daerah Ulin Banjarmasin", 1100),
    withHospital("prov", "RSUD-ANSARI", "Rumah Sakit Umum Daerah dr. H. Moch. Ansari Saleh", 520),
    withHospital("prov", "RSJ-SAMBANG", "Rumah Sakit Jiwa Sambang Lihum", 330),
  ]);
  return {
    id: "kalsel-2020", seed: 2020_03_23, start: "2020-03-23", end: "2020-04-17", holidays: HOLIDAYS_2020, capPercent: 50,
    government: { label: "Provinsi Kalimantan Selatan", level: "prov", agencies },
    scenario: {
      name: "Pemprov Kalimantan Selatan, work from home from 23 March 2020",
      officeCap: { percent: 50 },
      rotation: "daily",
      mandatory: { ranks: ["eselon_1", "eselon_2"], positions: [] },
      rotating: { employment: ["pns", "pppk", "ptt", "honorer"] },
      notes: [
        "Seed: surat edaran of the Governor through the Sekda, from 23 March 2020 (apahabar.com, 25 March 2020).",
        "Only eselon IV and staff may work from home: eselon I and II (the Sekda, heads of agency, the Setda's assistants and bureau heads) are mandatory by rank; the head of BKD, whom the seed names, is one of them ('yang wajib masuk kantor seperti saya, kepala BKD').",
        "'Beberapa kepala bidang dan eselon III dengan sistem shift': some heads of division and eselon III (a provincial kepala bidang is eselon III) come in by shift, so eselon III rotate like the staff, with at least one eselon III in every agency every workday (rules.csv) so that the office is never without one.",
        "Units serving the public in person do not work from home: the three provincial hospitals, DPMPTSP (the one-stop licensing service) and BPBD are exempt.",
        "Staff aged 50 or more and pregnant staff are asked to report their health ('diminta untuk melaporkan perkembangan kesehatan mereka'), as the group most at risk; the article does not keep them at home, so they rotate like everyone else (no healthPriority). A planner who wants them home whenever possible adds healthPriority {minAge: 50, pregnant: true}.",
        "The seed gives no cap and no national percentage was in force on 23 March 2020 (SE MenPANRB 19/2020 sets none; SE 67/2020's zone caps came on 4 September 2020): two shifts, so 50 %.",
        "Holidays: the 2020 national holidays and cuti bersama (SKB 3 Menteri as amended); 25 March (Nyepi) and 10 April (Good Friday) fall in the horizon.",
        "Employees are synthetic (scripts/buildFixtures.ts, fixed seed); agency names are Pemprov Kalsel's.",
      ].join(" "),
    },
    rules: ["*,*,eselon_3,1,"],
  };
}

// ---------------------------------------------------------------- Banjarmasin (city)

const BANJARMASIN_DISTRICTS: Array<[string, string[], number]> = [
  ["Banjarmasin Utara", ["Kelurahan Alalak Utara", "Kelurahan Alalak Tengah", "Kelurahan Alalak Selatan", "Kelurahan Kuin Utara", "Kelurahan Pangeran", "Kelurahan Sungai Miai", "Kelurahan Antasan Kecil Timur", "Kelurahan Surgi Mufti", "Kelurahan Sungai Jingah", "Kelurahan Sungai Andai"], 110],
  ["Banjarmasin Selatan", ["Kelurahan Kelayan Luar", "Kelurahan Kelayan Dalam", "Kelurahan Kelayan Timur", "Kelurahan Pekauman", "Kelurahan Murung Raya", "Kelurahan Tanjung Pagar", "Kelurahan Pemurus Dalam", "Kelurahan Basirih Selatan", "Kelurahan Mantuil"], 115],
  ["Banjarmasin Timur", ["Kelurahan Kuripan", "Kelurahan Sungai Bilu", "Kelurahan Kebun Bunga", "Kelurahan Pemurus Luar", "Kelurahan Pengambangan", "Kelurahan Karang Mekar", "Kelurahan Benua Anyar", "Kelurahan Sungai Lulut", "Kelurahan Pekapuran Raya"], 100],
  ["Banjarmasin Barat", ["Kelurahan Pelambuan", "Kelurahan Belitung Selatan", "Kelurahan Belitung Utara", "Kelurahan Teluk Tiram", "Kelurahan Telaga Biru", "Kelurahan Basirih", "Kelurahan Kuin Selatan", "Kelurahan Kuin Cerucuk", "Kelurahan Telawang"], 100],
  ["Banjarmasin Tengah", ["Kelurahan Kertak Baru Ilir", "Kelurahan Kertak Baru Ulu", "Kelurahan Pasar Lama", "Kelurahan Seberang Mesjid", "Kelurahan Sungai Baru", "Kelurahan Teluk Dalam", "Kelurahan Antasan Besar", "Kelurahan Gadang", "Kelurahan Mawar", "Kelurahan Melayu", "Kelurahan Kelayan Barat", "Kelurahan Sungai Baru"], 105],
];
const BANJARMASIN_PUSKESMAS = [
  "Alalak Selatan", "Alalak Tengah", "Kuin Raya", "Sungai Jingah", "Sungai Mesa", "Teluk Dalam", "Teluk Tiram", "Pelambuan",
  "Cempaka Putih", "Kayu Tangi", "Pekapuran Raya", "Sungai Bilu", "Karang Mekar", "Pemurus Dalam", "Pemurus Baru",
  "Kelayan Timur", "Kelayan Dalam", "Pekauman", "Basirih Baru", "Beruntung Raya", "Gadang Hanyar", "9 Nopember",
  "Terminal", "Cempaka", "Banjarmasin Indah", "S. Parman",
];

function banjarmasin(): Fixture {
  const k = (s: Spec) => office("kab", s);
  const agencies = withEducation(6_000, (n) => education("kab", "DISDIK", "Dinas Pendidikan", n), [
    k({ code: "SETDA", name: "Sekretariat Daerah", head: HEADS.setda, size: 260,
      units: ["Bagian Pemerintahan", "Bagian Hukum", "Bagian Perekonomian", "Bagian Umum", "Bagian Organisasi", "Bagian Protokol dan Komunikasi Pimpinan"],
      structure: { eselon_2: 6, eselon_3: 12, eselon_4: 36 } }),
    k({ code: "SETWAN", name: "Sekretariat DPRD", head: HEADS.setwan, size: 80 }),
    k({ code: "INSPEKTORAT", name: "Inspektorat", head: HEADS.inspektorat, size: 60, field: "audit", functional: 0.7 }),
    k({ code: "DINKES", name: "Dinas Kesehatan", size: 180, field: "health", functional: 0.6 }),
    k({ code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", size: 200 }),
    k({ code: "DISPERKIM", name: "Dinas Perumahan Rakyat dan Kawasan Permukiman", size: 90 }),
    k({ code: "SATPOLPP", name: "Satuan Polisi Pamong Praja", head: HEADS.satpol, size: 150, functional: 0.2 }),
    k({ code: "DAMKAR", name: "Dinas Pemadam Kebakaran dan Penyelamatan", size: 100, functional: 0.2 }),
    k({ code: "DINSOS", name: "Dinas Sosial", size: 70 }),
    k({ code: "DISKOPUMKER", name: "Dinas Koperasi, Usaha Mikro dan Tenaga Kerja", size: 80 }),
    k({ code: "DKP3", name: "Dinas Ketahanan Pangan, Pertanian dan Perikanan", size: 110, field: "agriculture" }),
    k({ code: "DLH", name: "Dinas Lingkungan Hidup", size: 220 }),
    k({ code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", size: 70 }),
    k({ code: "DP3A", name: "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", size: 45 }),
    k({ code: "DPPKB", name: "Dinas Pengendalian Penduduk dan Keluarga Berencana", size: 70 }),
    k({ code: "DISHUB", name: "Dinas Perhubungan", size: 160 }),
    k({ code: "DISKOMINFOTIK", name: "Dinas Komunikasi, Informatika dan Statistik", size: 50 }),
    k({ code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", size: 55 }),
    k({ code: "DISBUDPORAPAR", name: "Dinas Kebudayaan, Kepemudaan, Olahraga dan Pariwisata", size: 70 }),
    k({ code: "DISPERSIP", name: "Dinas Perpustakaan dan Kearsipan", size: 45 }),
    k({ code: "DISDAGIN", name: "Dinas Perdagangan dan Perindustrian", size: 90 }),
    k({ code: "BAPPEDALITBANG", name: "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan", head: HEADS.badan, size: 60 }),
    k({ code: "BPKPAD", name: "Badan Pengelolaan Keuangan, Pendapatan dan Aset Daerah", head: HEADS.badan, size: 170 }),
    k({ code: "BKPPD", name: "Badan Kepegawaian, Pendidikan dan Pelatihan Daerah", head: HEADS.badan, size: 60 }),
    k({ code: "BPBD", name: "Badan Penanggulangan Bencana Daerah", head: HEADS.bpbd, size: 50 }),
    k({ code: "KESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik", head: HEADS.badan, size: 40 }),
    withHospital("kab", "RSUD-SULTAN", "Rumah Sakit Umum Daerah Sultan Suriansyah", 330),
    ...BANJARMASIN_DISTRICTS.map(([place, villages, size], i) => district(`KEC-${String(i + 1).padStart(2, "0")}`, place, size, villages)),
    ...BANJARMASIN_PUSKESMAS.map((place, i) => clinic(`PKM-${String(i + 1).padStart(2, "0")}`, place, 22 + ((i * 7) % 13))),
  ]);
  return {
    id: "banjarmasin-2020", seed: 2020_03_26, start: "2020-03-26", end: "2020-04-24", holidays: HOLIDAYS_2020, capPercent: 50,
    government: { label: "Kota Banjarmasin", level: "kab", agencies },
    scenario: {
      name: "Pemko Banjarmasin, ASN by shift from 26 March 2020",
      officeCap: { percent: 50 },
      rotation: "daily",
      mandatory: { ranks: [], positions: HEAD_TITLES },
      rotating: { employment: ["pns", "pppk"] },
      notes: [
        "Seed: the Deputy Mayor, 26 March 2020 (Radar Banjarmasin).",
        "Staff and officials work from home in turns (shifts), never all at once; the shift applies to ASN (PNS, PPPK) only: honorer and other contract staff (PTT) stay in the office every workday, within the cap.",
        "Each agency decides its own split; the seed gives no number and no national percentage was in force in March 2020 (SE 67/2020's zone caps came on 4 September 2020): two shifts, so 50 %.",
        "Heads of agency (camat included) stay in the office: SE MenPANRB 19/2020 (16 March 2020) keeps the highest structural level in.",
        "The hospital and the puskesmas serve the public in person and are exempt (the seed: 'so that every citizen is served').",
        "Holidays: the 2020 national holidays and cuti bersama; 10 April (Good Friday) falls in the horizon.",
        "Employees are synthetic (scripts/buildFixtures.ts, fixed seed); agency, district and puskesmas names are Banjarmasin's.",
      ].join(" "),
    },
  };
}

// ---------------------------------------------------------------- Kotawaringin Timur (regency)

const KOTIM_DISTRICTS: Array<[string, number]> = [
  ["Mentawa Baru Ketapang", 38], ["Baamang", 34], ["Seranau", 22], ["Mentaya Hilir Selatan", 28], ["Mentaya Hilir Utara", 26],
  ["Teluk Sampit", 22], ["Pulau Hanaut", 24], ["Kota Besi", 26], ["Cempaga", 24], ["Cempaga Hulu", 24], ["Parenggean", 28],
  ["Tualan Hulu", 22], ["Mentaya Hulu", 26], ["Bukit Santuai", 22], ["Antang Kalang", 24], ["Telaga Antang", 22], ["Telawang", 22],
];
const KOTIM_PUSKESMAS = [
  "Ketapang I", "Ketapang II", "Baamang I", "Baamang II", "Pasir Putih", "Mentawa Baru", "Bapinang", "Samuda", "Ujung Pandaran",
  "Pelangsian", "Kota Besi", "Cempaga", "Cempaga Hulu", "Parenggean I", "Parenggean II", "Tualan Hulu", "Kuala Kuayan",
  "Bukit Santuai", "Tumbang Kalang", "Sebabi", "Pembuang Hulu",
];

function kotim(): Fixture {
  const k = (s: Spec) => office("kab", s);
  const agencies = withEducation(5_000, (n) => education("kab", "DISDIK", "Dinas Pendidikan", n), [
    k({ code: "SETDA", name: "Sekretariat Daerah", head: HEADS.setda, size: 230,
      units: ["Bagian Pemerintahan", "Bagian Hukum", "Bagian Perekonomian", "Bagian Umum", "Bagian Organisasi", "Bagian Protokol dan Komunikasi Pimpinan"],
      structure: { eselon_2: 6, eselon_3: 12, eselon_4: 30 } }),
    k({ code: "SETWAN", name: "Sekretariat DPRD", head: HEADS.setwan, size: 70 }),
    k({ code: "INSPEKTORAT", name: "Inspektorat", head: HEADS.inspektorat, size: 55, field: "audit", functional: 0.7 }),
    k({ code: "DINKES", name: "Dinas Kesehatan", size: 140, field: "health", functional: 0.6 }),
    k({ code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", size: 160 }),
    k({ code: "DISPERKIM", name: "Dinas Perumahan dan Kawasan Permukiman", size: 70 }),
    k({ code: "SATPOLPP", name: "Satuan Polisi Pamong Praja", head: HEADS.satpol, size: 110, functional: 0.2 }),
    k({ code: "DAMKAR", name: "Dinas Pemadam Kebakaran dan Penyelamatan", size: 80, functional: 0.2 }),
    k({ code: "DINSOS", name: "Dinas Sosial", size: 55 }),
    k({ code: "DISNAKERTRANS", name: "Dinas Tenaga Kerja dan Transmigrasi", size: 50 }),
    k({ code: "DP3AP2KB", name: "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak", size: 60 }),
    k({ code: "DKP", name: "Dinas Ketahanan Pangan", size: 45, field: "agriculture" }),
    k({ code: "DLH", name: "Dinas Lingkungan Hidup", size: 120 }),
    k({ code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", size: 55 }),
    k({ code: "DPMD", name: "Dinas Pemberdayaan Masyarakat dan Desa", size: 45 }),
    k({ code: "DISHUB", name: "Dinas Perhubungan", size: 90 }),
    k({ code: "DISKOMINFO", name: "Dinas Komunikasi, Informatika, Persandian dan Statistik", size: 45 }),
    k({ code: "DISKOPUKM", name: "Dinas Koperasi dan Usaha Kecil Menengah", size: 45 }),
    k({ code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", size: 45 }),
    k({ code: "DISPORA", name: "Dinas Pemuda dan Olahraga", size: 40 }),
    k({ code: "DISARPUS", name: "Dinas Perpustakaan dan Kearsipan", size: 35 }),
    k({ code: "DISKAN", name: "Dinas Perikanan", size: 55, field: "agriculture" }),
    k({ code: "DISBUDPAR", name: "Dinas Kebudayaan dan Pariwisata", size: 40 }),
    k({ code: "DISTAN", name: "Dinas Pertanian", size: 170, field: "agriculture", functional: 0.7 }),
    k({ code: "DISBUN", name: "Dinas Perkebunan", size: 60, field: "agriculture" }),
    k({ code: "DISPERINDAG", name: "Dinas Perindustrian dan Perdagangan", size: 55 }),
    k({ code: "BAPPEDALITBANG", name: "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan", head: HEADS.badan, size: 55 }),
    k({ code: "BPKAD", name: "Badan Pengelolaan Keuangan dan Aset Daerah", head: HEADS.badan, size: 75 }),
    k({ code: "BAPENDA", name: "Badan Pendapatan Daerah", head: HEADS.badan, size: 65 }),
    k({ code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", head: HEADS.badan, size: 50 }),
    k({ code: "BPBD", name: "Badan Penanggulangan Bencana Daerah", head: HEADS.bpbd, size: 45 }),
    k({ code: "KESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik", head: HEADS.badan, size: 35 }),
    withHospital("kab", "RSUD-MURJANI", "Rumah Sakit Umum Daerah dr. Murjani Sampit", 520),
    ...KOTIM_DISTRICTS.map(([place, size], i) => district(`KEC-${String(i + 1).padStart(2, "0")}`, place, size, [])),
    ...KOTIM_PUSKESMAS.map((place, i) => clinic(`PKM-${String(i + 1).padStart(2, "0")}`, place, 20 + ((i * 5) % 11))),
  ]);
  return {
    id: "kotim-2021", seed: 2021_07_19, start: "2021-07-19", end: "2021-08-13", holidays: HOLIDAYS_2021, capPercent: 25,
    government: { label: "Kabupaten Kotawaringin Timur", level: "kab", agencies },
    scenario: {
      name: "Kotawaringin Timur, PPKM Mikro, July 2021",
      officeCap: { percent: 25 },
      rotation: "daily",
      mandatory: { ranks: [], positions: HEAD_TITLES },
      rotating: { employment: ["pns", "pppk"] },
      notes: [
        "Seed: the Regent (Bupati) Halikinnor, 19 July 2021 (prokalteng.co), under the Central Kalimantan Governor's instruction 180.17/109/2021.",
        "In every agency only 25 % work in the office and 75 % from home, rotating; heads of agency ('kepala dinas', the seed's word for the head of every perangkat daerah: dinas, badan, Satpol PP, Sekda, Inspektur, hospital director) and camat are in the office every day.",
        "The seed speaks of ASN: PNS and PPPK rotate; contract staff (PTT, honorer) stay in and count toward the 25 %.",
        "Hospitals and puskesmas are exempt: PPKM (Inmendagri, July 2021) keeps critical sectors, health first, 100 % in the office; the seed does not name them.",
        "Holidays: the 2021 national holidays; 20 July (Idul Adha) and 11 August (Islamic New Year) fall in the horizon.",
        "Employees are synthetic (scripts/buildFixtures.ts, fixed seed); agency, district and puskesmas names are Kotim's.",
      ].join(" "),
    },
  };
}

// ---------------------------------------------------------------- Kepulauan Bangka Belitung (province)

function babel(): Fixture {
  /** Enough of each named rank that one eselon III, one eselon IV and four pelaksana never on leave are there every week. */
  const p = (s: Spec) => {
    const a = office("prov", s);
    if (s.structure) return a;
    const e3 = Math.min(6, Math.max(3, Math.round(s.size / 15)));
    const e4 = Math.min(14, Math.max(4, Math.round(s.size / 7)));
    const pelaksana = Math.max(10, Math.round(s.size * 0.3));
    return { ...a, structure: { eselon_3: e3, eselon_4: e4, pelaksana } };
  };
  const agencies = withEducation(6_000, (n) => ({ ...education("prov", "DISDIK", "Dinas Pendidikan", n), structure: { eselon_3: 6, eselon_4: 16, pelaksana: 300 } }), [
    p({ code: "SETDA", name: "Sekretariat Daerah", head: HEADS.setda, size: 300,
      units: ["Biro Pemerintahan dan Otonomi Daerah", "Biro Hukum", "Biro Perekonomian", "Biro Umum", "Biro Organisasi", "Biro Kesejahteraan Rakyat", "Biro Pengadaan Barang dan Jasa"],
      structure: { eselon_2: 12, eselon_3: 20, eselon_4: 50, pelaksana: 120 } }),
    p({ code: "SETWAN", name: "Sekretariat DPRD", head: HEADS.setwan, size: 90 }),
    p({ code: "INSPEKTORAT", name: "Inspektorat", head: HEADS.inspektorat, size: 70, field: "audit" }),
    p({ code: "DINKES", name: "Dinas Kesehatan", size: 150, field: "health" }),
    p({ code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", size: 220 }),
    p({ code: "DISPERKIM", name: "Dinas Perumahan Rakyat dan Kawasan Permukiman", size: 70 }),
    p({ code: "SATPOLPP", name: "Satuan Polisi Pamong Praja", head: HEADS.satpol, size: 110 }),
    p({ code: "DINSOS", name: "Dinas Sosial", size: 60 }),
    p({ code: "DISNAKERTRANS", name: "Dinas Tenaga Kerja dan Transmigrasi", size: 55 }),
    p({ code: "DP3ACSKB", name: "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", size: 55 }),
    p({ code: "DKP", name: "Dinas Ketahanan Pangan", size: 50, field: "agriculture" }),
    p({ code: "DLH", name: "Dinas Lingkungan Hidup", size: 70 }),
    p({ code: "DPMDDUKCAPIL", name: "Dinas Pemberdayaan Masyarakat, Desa, Kependudukan dan Pencatatan Sipil", size: 60 }),
    p({ code: "DISHUB", name: "Dinas Perhubungan", size: 110 }),
    p({ code: "DISKOMINFO", name: "Dinas Komunikasi dan Informatika", size: 55 }),
    p({ code: "DISKOPUKM", name: "Dinas Koperasi dan Usaha Kecil Menengah", size: 50 }),
    p({ code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", size: 50 }),
    p({ code: "DISPORA", name: "Dinas Kepemudaan dan Olahraga", size: 50 }),
    p({ code: "DISPUSIP", name: "Dinas Perpustakaan dan Kearsipan", size: 50 }),
    p({ code: "DKP2", name: "Dinas Kelautan dan Perikanan", size: 130, field: "agriculture" }),
    p({ code: "DISTAN", name: "Dinas Pertanian", size: 110, field: "agriculture" }),
    p({ code: "DISHUT", name: "Dinas Kehutanan", size: 260, field: "agriculture" }),
    p({ code: "DESDM", name: "Dinas Energi dan Sumber Daya Mineral", size: 90 }),
    p({ code: "DISPERINDAG", name: "Dinas Perindustrian dan Perdagangan", size: 60 }),
    p({ code: "DISBUDPAR", name: "Dinas Kebudayaan dan Pariwisata", size: 55 }),
    p({ code: "BAPPEDA", name: "Badan Perencanaan Pembangunan Daerah", head: HEADS.badan, size: 70 }),
    p({ code: "BAKUDA", name: "Badan Keuangan Daerah", head: HEADS.badan, size: 90 }),
    p({ code: "BPPRD", name: "Badan Pengelolaan Pajak dan Retribusi Daerah", head: HEADS.badan, size: 200 }),
    p({ code: "BKPSDMD", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah", head: HEADS.badan, size: 60 }),
    p({ code: "BPBD", name: "Badan Penanggulangan Bencana Daerah", head: HEADS.bpbd, size: 50 }),
    p({ code: "KESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik", head: HEADS.badan, size: 40 }),
    p({ code: "BAPENGHUB", name: "Badan Penghubung", head: HEADS.badan, size: 30 }),
    withHospital("prov", "RSUD-SOEKARNO", "Rumah Sakit Umum Daerah Dr. (H.C.) Ir. Soekarno", 600),
  ]);
  return {
    id: "babel-2020", seed: 2020_03_21, start: "2020-03-23", end: "2020-04-17", holidays: HOLIDAYS_2020, capPercent: 30,
    government: { label: "Provinsi Kepulauan Bangka Belitung", level: "prov", agencies },
    scenario: {
      name: "Pemprov Kepulauan Bangka Belitung, SE 800/1102/VII, from 23 March 2020",
      officeCap: { percent: 30 },
      rotation: "weekly",
      mandatory: { ranks: ["eselon_1", "eselon_2"], positions: [] },
      rotating: { employment: ["pns", "pppk", "ptt", "honorer"] },
      notes: [
        "Seed: SE 800/1102/VII of the Sekda, from Monday 23 March 2020 (Kompas.com, 21 March 2020).",
        "At most 30 % of an agency's staff in the office, 'namely one administrator official, one supervisor official and four implementing staff within the scope of each agency's types of service and workload' ('dalam ruang lingkup jenis pelayanan dan beban kerja masing-masing OPD'): the 30 % is the cap, and the 1 + 1 + 4 is the duty team each service must have on duty, so rules.csv asks at least one eselon III, one eselon IV and four pelaksana per day in each unit (`each`) that has such staff. An earlier reading as exactly 1 + 1 + 4 per agency (min = max) kept most eselon III, eselon IV and pelaksana home all month while functional staff came in every day: not the rotation ('bergiliran') the SE describes.",
        "The other 70 % work from home, rotating every week: weekly rotation.",
        "The head of agency (eselon II; the Sekda is eselon I) is in every day: the SE has the head assign and call the roll, and SE MenPANRB 19/2020 keeps the highest structural level in.",
        "The SE also protects daily contract staff (PHL): every employment type rotates.",
        "The provincial hospital serves the public in person and is exempt.",
        "Holidays: the 2020 national holidays; 25 March (Nyepi) and 10 April (Good Friday) fall in the horizon.",
        "Employees are synthetic (scripts/buildFixtures.ts, fixed seed); every agency has at least three eselon III, four eselon IV and ten pelaksana so that the rules can hold every week.",
      ].join(" "),
    },
    rules: ["*,each,eselon_3,1,", "*,each,eselon_4,1,", "*,each,pelaksana,4,"],
  };
}

// ---------------------------------------------------------------- Paser (regency)

const PASER_DISTRICTS: Array<[string, number]> = [
  ["Tanah Grogot", 34], ["Kuaro", 26], ["Long Ikis", 28], ["Long Kali", 26], ["Muara Komam", 24], ["Batu Sopang", 24],
  ["Muara Samu", 22], ["Batu Engau", 24], ["Tanjung Harapan", 22], ["Pasir Belengkong", 24],
];
const PASER_PUSKESMAS = [
  "Tanah Grogot", "Senaken", "Padang Pengrapat", "Kuaro", "Janju", "Long Ikis", "Petangis", "Long Kali", "Muara Telake",
  "Muara Komam", "Batu Kajang", "Kerang", "Muara Samu", "Suliliran", "Tanjung Aru", "Pasir Belengkong", "Damit", "Lolo",
];
/** The eleven agencies the SE keeps in the office (every puskesmas counted as one). */
const PASER_EXEMPT = ["DPMD", "DPMPTSP", "DISHUB", "DISDUKCAPIL", "DAMKAR", "SATPOLPP", "BAPENDA", "BPBD", "RSUD-PANGLIMA", "RSUD-KERANG"];

function paser(): Fixture {
  const k = (s: Spec) => office("kab", { ...s, exempt: PASER_EXEMPT.includes(s.code) });
  const agencies = withEducation(4_500, (n) => education("kab", "DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", n), [
    k({ code: "SETDA", name: "Sekretariat Daerah", head: HEADS.setda, size: 200,
      units: ["Bagian Pemerintahan", "Bagian Hukum", "Bagian Perekonomian", "Bagian Umum", "Bagian Organisasi", "Bagian Protokol dan Komunikasi Pimpinan"],
      structure: { eselon_2: 6, eselon_3: 12, eselon_4: 30 } }),
    k({ code: "SETWAN", name: "Sekretariat DPRD", head: HEADS.setwan, size: 60 }),
    k({ code: "INSPEKTORAT", name: "Inspektorat", head: HEADS.inspektorat, size: 50, field: "audit", functional: 0.7 }),
    k({ code: "DINKES", name: "Dinas Kesehatan", size: 120, field: "health", functional: 0.6 }),
    k({ code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", size: 150 }),
    k({ code: "DISPERKIM", name: "Dinas Perumahan dan Kawasan Permukiman", size: 60 }),
    k({ code: "SATPOLPP", name: "Satuan Polisi Pamong Praja", head: HEADS.satpol, size: 100, functional: 0.2 }),
    k({ code: "DAMKAR", name: "Dinas Pemadam Kebakaran", size: 70, functional: 0.2 }),
    k({ code: "DINSOS", name: "Dinas Sosial", size: 45 }),
    k({ code: "DISNAKERTRANS", name: "Dinas Tenaga Kerja dan Transmigrasi", size: 45 }),
    k({ code: "DP2KBP3A", name: "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak", size: 55 }),
    k({ code: "DKP", name: "Dinas Ketahanan Pangan", size: 40, field: "agriculture" }),
    k({ code: "DLH", name: "Dinas Lingkungan Hidup", size: 90 }),
    k({ code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", size: 50 }),
    k({ code: "DPMD", name: "Dinas Pemberdayaan Masyarakat Desa", size: 40 }),
    k({ code: "DISHUB", name: "Dinas Perhubungan", size: 70 }),
    k({ code: "DISKOMINFO", name: "Dinas Komunikasi, Informatika, Statistik dan Persandian", size: 40 }),
    k({ code: "DISKOPUKM", name: "Dinas Koperasi, Usaha Kecil dan Menengah", size: 40 }),
    k({ code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", size: 45 }),
    k({ code: "DISPORA", name: "Dinas Pemuda dan Olahraga", size: 35 }),
    k({ code: "DISARPUS", name: "Dinas Kearsipan dan Perpustakaan", size: 44, units: ["Sekretariat", "Bidang Kearsipan", "Perpustakaan", "Perpustakaan"] }),
    k({ code: "DISKAN", name: "Dinas Perikanan", size: 45, field: "agriculture" }),
    k({ code: "DISPAR", name: "Dinas Pariwisata", size: 30 }),
    k({ code: "DTPH", name: "Dinas Tanaman Pangan dan Hortikultura", size: 110, field: "agriculture", functional: 0.7 }),
    k({ code: "DISBUN", name: "Dinas Perkebunan", size: 55, field: "agriculture" }),
    k({ code: "DISNAK", name: "Dinas Peternakan", size: 45, field: "agriculture" }),
    k({ code: "BAPPEDALITBANG", name: "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan", head: HEADS.badan, size: 50 }),
    k({ code: "BPKAD", name: "Badan Pengelolaan Keuangan dan Aset Daerah", head: HEADS.badan, size: 65 }),
    k({ code: "BAPENDA", name: "Badan Pendapatan Daerah", head: HEADS.badan, size: 60 }),
    k({ code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", head: HEADS.badan, size: 45 }),
    k({ code: "BPBD", name: "Badan Penanggulangan Bencana Daerah", head: HEADS.bpbd, size: 45 }),
    k({ code: "KESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik", head: HEADS.badan, size: 30 }),
    withHospital("kab", "RSUD-PANGLIMA", "Rumah Sakit Umum Daerah Panglima Sebaya", 480),
    withHospital("kab", "RSUD-KERANG", "Rumah Sakit Umum Daerah Pratama Kerang", 90),
    ...PASER_DISTRICTS.map(([place, size], i) => district(`KEC-${String(i + 1).padStart(2, "0")}`, place, size, [])),
    ...PASER_PUSKESMAS.map((place, i) => clinic(`PKM-${String(i + 1).padStart(2, "0")}`, place, 20 + ((i * 3) % 9))),
  ]);
  return {
    id: "paser-2020", seed: 2020_11_30, start: "2020-11-30", end: "2020-12-22", holidays: HOLIDAYS_2020, capPercent: 50,
    government: { label: "Kabupaten Paser", level: "kab", agencies },
    scenario: {
      name: "Kabupaten Paser, SE 061.1/2856/ORG, 30 November to 22 December 2020",
      officeCap: { zone: "medium" },
      rotation: "daily",
      mandatory: { ranks: ["eselon_2", "eselon_3"], positions: [] },
      rotating: { employment: ["pns", "pppk", "ptt", "honorer"] },
      healthPriority: { comorbid: true },
      notes: [
        "Seed: SE 061.1/2856/ORG of the Deputy Regent, 30 November to 22 December 2020 (BorneoFlash.com, 1 December 2020).",
        "Work from home applies to eselon IV and functional officials including contract staff (PTT): they and the implementing staff rotate; eselon II and III stay in the office (mandatory by rank).",
        "Eleven agencies keep working in the office (exempt): DPMD, DPMPTSP, Dinas Perhubungan, Disdukcapil, Dinas Pemadam Kebakaran, Satpol PP, Bapenda, BPBD, RSUD Panglima Sebaya, RSUD Pratama Kerang, and every puskesmas.",
        "The library of Dinas Kearsipan dan Perpustakaan stays open with shorter hours: at least 3 of its unit 'Perpustakaan' in every workday (rules.csv; the seed gives no number: a desk, the reading room and the stacks).",
        "The seed gives no cap: the national rule then in force is SE MenPANRB 67/2020 (from 4 September 2020), by the regency's risk zone; the seed does not give Paser's zone, the fixture takes a medium-risk zone (50 %): set officeCap.zone to the zone of the week.",
        "The SE applies the 'new normal' order (SE MenPANRB 58/2020), which weighs the employee's own health: comorbid staff are health priority.",
        "Holidays: the 2020 national holidays; 9 December (simultaneous regional elections, Keppres 22/2020) falls in the horizon.",
        "Employees are synthetic (scripts/buildFixtures.ts, fixed seed); agency, district and puskesmas names are Paser's.",
      ].join(" "),
    },
    rules: ["DISARPUS,Perpustakaan,*,3,"],
  };
}

// ---------------------------------------------------------------- Sleman (regency), flexible work 2025

const SLEMAN_KAPANEWON: Array<[string, number]> = [
  ["Moyudan", 24], ["Minggir", 24], ["Seyegan", 24], ["Godean", 26], ["Gamping", 28], ["Mlati", 28], ["Depok", 32], ["Berbah", 24],
  ["Prambanan", 24], ["Kalasan", 26], ["Ngemplak", 24], ["Ngaglik", 28], ["Sleman", 26], ["Tempel", 24], ["Turi", 22], ["Pakem", 22], ["Cangkringan", 22],
];
const SLEMAN_PUSKESMAS = [
  "Gamping I", "Gamping II", "Godean I", "Godean II", "Moyudan", "Minggir", "Seyegan", "Mlati I", "Mlati II", "Depok I", "Depok II",
  "Depok III", "Berbah", "Prambanan", "Kalasan", "Ngemplak I", "Ngemplak II", "Ngaglik I", "Ngaglik II", "Sleman", "Tempel I",
  "Tempel II", "Turi", "Pakem", "Cangkringan",
];

/** SIMPEG/SIASN writes the whole title: the head of Dinas Kesehatan is "Kepala Dinas Kesehatan" (no commas, as a CSV cell). */
const fullTitle = (head: string, name: string) => `${head} ${name.replace(/^(Dinas|Badan) /, "$1 ").replace(/,/g, "")}`.replace(/^(Kepala) (Dinas|Badan) (Dinas|Badan) /, "$1 $3 ");

function sleman(): Fixture {
  const k = (s: Spec) => office("kab", { ...s, head: s.head ?? fullTitle("Kepala", s.name) });
  const agencies = withEducation(6_000, (n) => ({ ...education("kab", "DISDIK", "Dinas Pendidikan", n), template: { ...education("kab", "DISDIK", "Dinas Pendidikan", n).template, head: "Kepala Dinas Pendidikan" } }), [
    k({ code: "SETDA", name: "Sekretariat Daerah", head: HEADS.setda, size: 260,
      units: ["Bagian Tata Pemerintahan", "Bagian Hukum", "Bagian Perekonomian", "Bagian Umum", "Bagian Organisasi", "Bagian Protokol dan Komunikasi Pimpinan", "Bagian Pengadaan Barang dan Jasa"],
      structure: { eselon_2: 4, eselon_3: 12, eselon_4: 30 } }),
    k({ code: "SETWAN", name: "Sekretariat DPRD", head: HEADS.setwan, size: 75 }),
    k({ code: "INSPEKTORAT", name: "Inspektorat", head: "Inspektur Kabupaten", size: 60, field: "audit", functional: 0.7 }),
    k({ code: "DINKES", name: "Dinas Kesehatan", size: 170, field: "health", functional: 0.6, units: bidang("Pelayanan Kesehatan", "Kesehatan Masyarakat", "Pencegahan dan Pengendalian Penyakit", "Sumber Daya Kesehatan"), fieldUnits: ["UPT Laboratorium Kesehatan", "Bidang Kesehatan Masyarakat"] }),
    k({ code: "DPUPKP", name: "Dinas Pekerjaan Umum, Perumahan dan Kawasan Permukiman", size: 200 }),
    k({ code: "DINSOS", name: "Dinas Sosial", size: 60 }),
    k({ code: "DISNAKER", name: "Dinas Tenaga Kerja", size: 50 }),
    k({ code: "DP3AP2KB", name: "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", size: 60 }),
    k({ code: "DP3", name: "Dinas Pertanian, Pangan dan Perikanan", size: 190, field: "agriculture", functional: 0.7 }),
    k({ code: "DLH", name: "Dinas Lingkungan Hidup", size: 160 }),
    k({ code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", size: 70, units: bidang("Pelayanan Pendaftaran Penduduk", "Pelayanan Pencatatan Sipil", "Pengelolaan Informasi Administrasi Kependudukan") }),
    k({ code: "DPMK", name: "Dinas Pemberdayaan Masyarakat dan Kalurahan", size: 50 }),
    k({ code: "DISHUB", name: "Dinas Perhubungan", size: 120, units: ["Sekretariat", "Bidang Lalu Lintas", "Bidang Angkutan", "UPT Pengujian Kendaraan Bermotor"] }),
    k({ code: "DISKOMINFO", name: "Dinas Komunikasi dan Informatika", size: 55 }),
    k({ code: "DISKOPUKM", name: "Dinas Koperasi dan Usaha Kecil Menengah", size: 50 }),
    k({ code: "DPMPTSP", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", size: 60, units: bidang("Pelayanan Perizinan", "Penanaman Modal", "Pengaduan") }),
    k({ code: "DISBUD", name: "Dinas Kebudayaan", size: 50 }),
    k({ code: "DISPORA", name: "Dinas Pemuda dan Olahraga", size: 45 }),
    k({ code: "DISPUSIP", name: "Dinas Perpustakaan dan Kearsipan", size: 55, units: bidang("Layanan Perpustakaan", "Kearsipan") }),
    k({ code: "DISPAR", name: "Dinas Pariwisata", size: 50 }),
    k({ code: "DISPERINDAG", name: "Dinas Perindustrian dan Perdagangan", size: 60 }),
    k({ code: "DPTR", name: "Dinas Pertanahan dan Tata Ruang", size: 55 }),
    k({ code: "SATPOLPP", name: "Satuan Polisi Pamong Praja", head: "Kepala Satuan Polisi Pamong Praja", size: 150, functional: 0.2, exempt: true }),
    k({ code: "BAPPEDA", name: "Badan Perencanaan Pembangunan Daerah", size: 55 }),
    k({ code: "BKAD", name: "Badan Keuangan dan Aset Daerah", size: 90 }),
    k({ code: "BAPENDA", name: "Badan Pendapatan Daerah", size: 85 }),
    k({ code: "BKPP", name: "Badan Kepegawaian, Pendidikan dan Pelatihan", size: 65 }),
    k({ code: "BPBD", name: "Badan Penanggulangan Bencana Daerah", head: "Kepala Pelaksana Badan Penanggulangan Bencana Daerah", size: 50, exempt: true }),
    k({ code: "KESBANGPOL", name: "Badan Kesatuan Bangsa dan Politik", size: 35 }),
    { ...withHospital("kab", "RSUD-SLEMAN", "Rumah Sakit Umum Daerah Sleman", 420), template: { ...withHospital("kab", "RSUD-SLEMAN", "Rumah Sakit Umum Daerah Sleman", 420).template, head: "Direktur Rumah Sakit Umum Daerah Sleman" } },
    { ...withHospital("kab", "RSUD-PRAMBANAN", "Rumah Sakit Umum Daerah Prambanan", 160), template: { ...withHospital("kab", "RSUD-PRAMBANAN", "Rumah Sakit Umum Daerah Prambanan", 160).template, head: "Direktur Rumah Sakit Umum Daerah Prambanan" } },
    ...SLEMAN_KAPANEWON.map(([place, size], i) => {
      const d = district(`KPW-${String(i + 1).padStart(2, "0")}`, place, size, []);
      return { ...d, template: { ...d.template, name: `Kapanewon ${place}`, head: `Panewu ${place}` } };
    }),
    ...SLEMAN_PUSKESMAS.map((place, i) => {
      const c = clinic(`PKM-${String(i + 1).padStart(2, "0")}`, place, 22 + ((i * 5) % 11));
      return { ...c, template: { ...c.template, head: `Kepala UPTD Puskesmas ${place}` } };
    }),
  ]);
  return {
    id: "sleman-2025", seed: 2025_03_17, start: "2025-03-17", end: "2025-04-25", holidays: HOLIDAYS_2025, capPercent: 85,
    government: { label: "Kabupaten Sleman", level: "kab", agencies },
    scenario: {
      name: "Kabupaten Sleman, flexible work (PermenPANRB 4/2025), 17 March to 25 April 2025",
      officeCap: { percent: 85 },
      rotation: "daily",
      mandatory: { ranks: [], positions: ["Sekretaris Daerah", "Sekretaris DPRD", "Inspektur", "Kepala Dinas", "Kepala Badan", "Kepala Satuan", "Kepala Pelaksana", "Panewu", "Direktur", "Kepala UPTD Puskesmas"] },
      rotating: { employment: ["pns", "pppk"] },
      perPerson: { officeDaysPerWeek: { min: 3, max: 5 } },
      notes: [
        "Policy: PermenPANRB 4/2025 on flexible work for ASN (set 16 April, in force 21 April 2025): flexible location (office, home, elsewhere) decided by each agency, never lowering the quality of public service, at most 2 workdays a week away from the office (as reported by tvOnenews).",
        "At most 2 days away a week: perPerson.officeDaysPerWeek min 3 in every full week (max 5, no upper bound on office days); giliran lowers the minimum by each holiday, leave day or day with a cap of 0 in the week, so a 4-day week asks 2. The fixture applies the weekly quota from 17 March, before the Permen was in force: a planning scenario, not a record.",
        "Staff not eligible for flexible work (the Permen: new employees and staff under discipline proceedings): employees.csv eligible=false, always in the office; here PPPK under 27 (the 2024 intake) and one in 150 others (proceedings), a fixture assumption.",
        "Face-to-face services stay staffed: the two RSUD and every puskesmas (health), Satpol PP (order and fire), BPBD (disaster response) are exempt agencies; units.csv exempts the service units inside agencies: Disdukcapil's two registration divisions, DPMPTSP's licensing division, Dinas Perhubungan's vehicle testing (UPT PKB) and Dinas Kesehatan's laboratory; the library service keeps at least 3 in a day.",
        "Heads of agency (their titles as SIMPEG writes them: 'Kepala Dinas Kesehatan', 'Panewu Depok') are in every day: a fixture assumption (the head assigns and supervises flexible work); contract staff (PTT, honorer) are not ASN and stay in.",
        "The Permen sets no office cap: the fixture takes 85 % of an agency's staff a day (desks and the efficiency drive of Inpres 1/2025), an assumption; with it, everyone's days away from the office are shared. A small kapanewon (22-28 staff, its panewu and contract staff always in) needs about that much room for everyone's 3 office days in the short weeks.",
        "Decreed remote days (WFA) 24-27 March and 8 April 2025 (SE MenPANRB 2/2025, around Lebaran, with face-to-face services kept staffed): caps.csv sets a cap of 0 on those days for every agency, so only the staff who must be in (heads, ineligible staff, contract staff, exempt units, the library's 3) come; exempt agencies are not touched by caps.csv, and such a day lowers the week's office-day minimum like a holiday.",
        "Holidays: the 2025 national holidays and cuti bersama (SKB 3 Menteri 2025): 28 March (cuti bersama Nyepi), 31 March-7 April (Idul Fitri and cuti bersama) and 18 April (Good Friday) fall in the horizon.",
        "Since 2020 Sleman's districts are kapanewon, headed by a panewu (Perda 1/2020, after the Yogyakarta special-region rules); agency, kapanewon and puskesmas names are Sleman's; the employees are synthetic (scripts/buildFixtures.ts, fixed seed).",
      ].join(" "),
    },
    caps: ["*,2025-03-24,2025-03-27,,0", "*,2025-04-08,2025-04-08,,0"],
    units: [
      "DISDUKCAPIL,Bidang Pelayanan Pendaftaran Penduduk,true,,", "DISDUKCAPIL,Bidang Pelayanan Pencatatan Sipil,true,,",
      "DPMPTSP,Bidang Pelayanan Perizinan,true,,", "DISHUB,UPT Pengujian Kendaraan Bermotor,true,,", "DINKES,UPT Laboratorium Kesehatan,true,,",
      "DISPUSIP,Bidang Layanan Perpustakaan,,3,",
    ],
    eligible: ({ id, employment, birthDate }) => !(employment === "pppk" && birthDate > "1998-03-17") && Number(id.slice(1)) % 150 !== 7,
  };
}

const ALL: Record<string, () => Fixture> = { "kalsel-2020": kalsel, "banjarmasin-2020": banjarmasin, "kotim-2021": kotim, "babel-2020": babel, "paser-2020": paser, "sleman-2025": sleman };

/** Split one CSV line into cells (quotes as RFC 4180 writes them). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') [cell, i] = [cell + '"', i + 1];
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") [cells[cells.length], cell] = [cell, ""];
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Write one fixture: the generator's roster, then the seed's scenario.json and rules.csv. */
export async function buildFixture(f: Fixture, root = FIXTURES): Promise<{ employees: number; agencies: number; workdays: number }> {
  const dir = join(root, f.id);
  const government = f.government;
  const summary = await generateScenario(
    { employees: 0, seed: f.seed, government, start: f.start, end: f.end, holidays: f.holidays, capPercent: f.capPercent, leaveRate: 0.02 },
    dir,
  );
  const scenario = {
    name: f.scenario.name,
    start: f.start,
    end: f.end,
    workdays: ["mon", "tue", "wed", "thu", "fri"],
    holidays: f.holidays,
    ...f.scenario,
  };
  await writeFile(join(dir, "scenario.json"), `${JSON.stringify(scenario, null, 2)}\n`);
  if (f.rules) await writeFile(join(dir, "rules.csv"), `agency_id,unit,rank,min_per_day,max_per_day\n${f.rules.join("\n")}\n`);
  else await unlink(join(dir, "rules.csv")).catch(() => undefined);
  if (f.units) await writeFile(join(dir, "units.csv"), `agency_id,unit,exempt,min_office,cap_percent\n${f.units.join("\n")}\n`);
  else await unlink(join(dir, "units.csv")).catch(() => undefined);
  if (f.caps) await writeFile(join(dir, "caps.csv"), `agency_id,from,to,cap_percent,cap_count\n${f.caps.join("\n")}\n`);
  else await unlink(join(dir, "caps.csv")).catch(() => undefined);
  if (f.eligible) {
    const eligible = f.eligible;
    const lines = (await readFile(join(dir, "employees.csv"), "utf8")).split("\n");
    const out = lines.map((line, i) => {
      if (line === "") return line;
      if (i === 0) return `${line},eligible`;
      const c = cellsOf(line);
      return `${line},${eligible({ id: c[0], employment: c[5], birthDate: c[6] })}`;
    });
    await writeFile(join(dir, "employees.csv"), out.join("\n"));
  }
  return { employees: summary.employees, agencies: summary.agencies, workdays: summary.workdays };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ids = process.argv.slice(2);
  for (const id of ids.length > 0 ? ids : Object.keys(ALL)) {
    const make = ALL[id];
    if (!make) throw new Error(`unknown fixture ${id}; known: ${Object.keys(ALL).join(", ")}`);
    const s = await buildFixture(make());
    process.stdout.write(`${id}: ${s.employees} employees, ${s.agencies} agencies, ${s.workdays} workdays\n`);
  }
}
