/**
 * The words of a synthetic regional government: agency names and codes as Indonesian
 * provinces and regencies use them, the titles of their heads, units inside some of them,
 * positions by rank, people's names and place names. Plain data, so the generator's code
 * stays about numbers.
 */
import type { Rank } from "../domain/values.js";

/** Which level of regional government has the agency: province, regency (kabupaten), or both. */
export type Level = "prov" | "kab";

/** What kind of staff the agency has; picks the titles of its functional positions. */
export type Field = "education" | "health" | "audit" | "agriculture" | "generic";

/** Categories, in the order agencies are listed in `agencies.csv`. */
export type Category = "core" | "dinas" | "kecamatan" | "rsud" | "puskesmas";

export interface AgencyTemplate {
  code: string;
  name: string;
  category: Category;
  /** Position of the head, one of `HEAD_POSITIONS`. */
  head: string;
  headRank: Record<Level, Rank>;
  levels: readonly Level[];
  field: Field;
  /** Relative size among the agencies other than the giant. */
  weight: number;
  exempt?: boolean;
  /** An essential service that keeps 50 % in the office (PPKM's rule for critical sectors). */
  essential?: boolean;
  /** The education office: the one giant agency (it runs the schools). */
  giant?: boolean;
  /** Units of the office staff; functional staff go to `fieldUnits` when there are some. */
  units?: Record<Level, readonly string[]>;
  fieldUnits?: Record<Level, readonly string[]>;
  /** A front-desk unit that never closes: a composition rule keeps one clerk in. */
  serviceUnit?: string;
}

/** Every head's position: `scenario.json` lists these as mandatory. */
export const HEAD_POSITIONS = [
  "Sekretaris Daerah", "Sekretaris DPRD", "Inspektur", "Kepala Dinas", "Kepala Badan",
  "Kepala Pelaksana", "Kepala Satuan", "Camat", "Direktur", "Kepala Puskesmas",
] as const;

const E2: Record<Level, Rank> = { prov: "eselon_2", kab: "eselon_2" };
const BOTH: readonly Level[] = ["prov", "kab"];
const bidang = (...names: string[]) => ["Sekretariat", ...names.map((n) => `Bidang ${n}`)];
const same = (units: readonly string[]): Record<Level, readonly string[]> => ({ prov: units, kab: units });
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"];

function dinas(code: string, name: string, extra: Partial<AgencyTemplate> = {}): AgencyTemplate {
  return { code, name, category: "dinas", head: "Kepala Dinas", headRank: E2, levels: BOTH, field: "generic", weight: 1, ...extra };
}
function badan(code: string, name: string, extra: Partial<AgencyTemplate> = {}): AgencyTemplate {
  return dinas(code, name, { head: "Kepala Badan", ...extra });
}

export const CORE: readonly AgencyTemplate[] = [
  {
    code: "SETDA", name: "Sekretariat Daerah", category: "core", head: "Sekretaris Daerah",
    headRank: { prov: "eselon_1", kab: "eselon_2" }, levels: BOTH, field: "generic", weight: 3,
    units: {
      prov: ["Biro Pemerintahan dan Otonomi Daerah", "Biro Hukum dan HAM", "Biro Perekonomian", "Biro Umum", "Biro Organisasi", "Biro Pengadaan Barang dan Jasa"],
      kab: ["Bagian Pemerintahan", "Bagian Hukum", "Bagian Perekonomian", "Bagian Umum", "Bagian Organisasi", "Bagian Protokol dan Komunikasi Pimpinan"],
    },
  },
  { code: "SETWAN", name: "Sekretariat DPRD", category: "core", head: "Sekretaris DPRD", headRank: E2, levels: BOTH, field: "generic", weight: 0.7 },
  { code: "INSPEKTORAT", name: "Inspektorat", category: "core", head: "Inspektur", headRank: E2, levels: BOTH, field: "audit", weight: 0.7 },
];

/** The education office, giant because it employs the teachers. */
export const EDUCATION: AgencyTemplate = dinas("DISDIK", "Dinas Pendidikan", {
  field: "education", giant: true,
  units: same(bidang("Pembinaan Sekolah", "Pendidik dan Tenaga Kependidikan", "Pendidikan Khusus")),
  fieldUnits: {
    prov: ROMAN.map((r) => `Cabang Dinas Pendidikan Wilayah ${r}`),
    kab: ["Sekolah Dasar", "Sekolah Menengah Pertama", "Pendidikan Anak Usia Dini"],
  },
});

/** Dinas and badan (without the education office), in the order they are listed. */
export const DINAS_BADAN: readonly AgencyTemplate[] = [
  dinas("DINKES", "Dinas Kesehatan", { field: "health", weight: 1.6, units: same(bidang("Pelayanan Kesehatan", "Kesehatan Masyarakat", "Pencegahan dan Pengendalian Penyakit", "Sumber Daya Kesehatan")) }),
  dinas("DINSOS", "Dinas Sosial"),
  dinas("DISNAKERTRANS", "Dinas Tenaga Kerja dan Transmigrasi"),
  dinas("DP3AKB", "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana"),
  dinas("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", {
    levels: ["kab"], units: same(bidang("Pelayanan Pendaftaran Penduduk", "Pelayanan Pencatatan Sipil", "Pengelolaan Informasi Administrasi Kependudukan")),
    serviceUnit: "Bidang Pelayanan Pendaftaran Penduduk",
  }),
  dinas("DPMD", "Dinas Pemberdayaan Masyarakat dan Desa"),
  dinas("DLH", "Dinas Lingkungan Hidup", { weight: 1.3 }),
  dinas("DISHUB", "Dinas Perhubungan", { weight: 1.4 }),
  dinas("DISKOMINFO", "Dinas Komunikasi dan Informatika"),
  dinas("DISKUMKM", "Dinas Koperasi dan Usaha Kecil Menengah"),
  dinas("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", { serviceUnit: "Bidang Pelayanan Perizinan", units: same(bidang("Pelayanan Perizinan", "Penanaman Modal", "Pengaduan dan Informasi")) }),
  dinas("DISPORA", "Dinas Pemuda dan Olahraga"),
  dinas("DISPUSIPDA", "Dinas Perpustakaan dan Kearsipan Daerah", { units: same([...bidang("Perpustakaan", "Kearsipan"), "Perpustakaan"]), serviceUnit: "Perpustakaan" }),
  dinas("DKP", "Dinas Kelautan dan Perikanan", { field: "agriculture" }),
  dinas("DISPARBUD", "Dinas Pariwisata dan Kebudayaan"),
  dinas("DTPH", "Dinas Tanaman Pangan dan Hortikultura", { levels: ["prov"], field: "agriculture", weight: 1.3 }),
  dinas("DISTAN", "Dinas Pertanian", { levels: ["kab"], field: "agriculture", weight: 1.5 }),
  dinas("DISBUN", "Dinas Perkebunan", { field: "agriculture" }),
  dinas("DISHUT", "Dinas Kehutanan", { levels: ["prov"], field: "agriculture", weight: 1.4 }),
  dinas("DKPP", "Dinas Ketahanan Pangan dan Peternakan", { field: "agriculture" }),
  dinas("DESDM", "Dinas Energi dan Sumber Daya Mineral", { levels: ["prov"] }),
  dinas("DISPERINDAG", "Dinas Perindustrian dan Perdagangan"),
  dinas("DBMPR", "Dinas Bina Marga dan Penataan Ruang", { levels: ["prov"], weight: 1.5 }),
  dinas("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", { levels: ["kab"], weight: 1.5 }),
  dinas("DSDA", "Dinas Sumber Daya Air", { levels: ["prov"], weight: 1.4 }),
  dinas("DISPERKIM", "Dinas Perumahan dan Permukiman"),
  dinas("DAMKAR", "Dinas Pemadam Kebakaran dan Penyelamatan", { levels: ["kab"], essential: true }),
  {
    code: "SATPOLPP", name: "Satuan Polisi Pamong Praja", category: "dinas", head: "Kepala Satuan", headRank: E2,
    levels: BOTH, field: "generic", weight: 1.4, essential: true,
  },
  badan("BAPPEDA", "Badan Perencanaan Pembangunan Daerah"),
  badan("BAPENDA", "Badan Pendapatan Daerah", { weight: 2, units: same(bidang("Pendapatan", "Pengendalian dan Evaluasi", "Perencanaan dan Pengembangan")) }),
  badan("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", { weight: 1.2 }),
  badan("BKD", "Badan Kepegawaian Daerah"),
  badan("BPSDM", "Badan Pengembangan Sumber Daya Manusia", { levels: ["prov"] }),
  badan("BPBD", "Badan Penanggulangan Bencana Daerah", { head: "Kepala Pelaksana", essential: true }),
  badan("BAKESBANGPOL", "Badan Kesatuan Bangsa dan Politik"),
  badan("BRIDA", "Badan Riset dan Inovasi Daerah"),
  badan("BAPENGHUB", "Badan Penghubung", { levels: ["prov"], weight: 0.5 }),
];

/** Dinas and badan always present (when the agency count allows), before the rest. */
export const FIRST_DINAS = ["DINKES", "BAPENDA", "BPBD", "SATPOLPP", "BKD", "BAPPEDA", "BPKAD", "DISDUKCAPIL", "DPMPTSP"];

const HOSPITAL_UNITS = same(["Pelayanan Medik", "Keperawatan", "Penunjang Medik", "Instalasi Gawat Darurat", "Umum dan Keuangan"]);

/** Province hospitals (exempt: they never work from home). */
export const PROVINCE_HOSPITALS = [
  "Rumah Sakit Umum Daerah Al Ihsan", "Rumah Sakit Jiwa Daerah", "Rumah Sakit Paru Daerah",
  "Rumah Sakit Umum Daerah Jampangkulon", "Rumah Sakit Umum Daerah Pameungpeuk",
  "Rumah Sakit Umum Daerah Kesehatan Kerja", "Rumah Sakit Mata Daerah", "Rumah Sakit Umum Daerah Pagelaran",
];

export function hospital(code: string, name: string): AgencyTemplate {
  return {
    code, name, category: "rsud", head: "Direktur", headRank: E2, levels: BOTH, field: "health",
    weight: 4, exempt: true, units: HOSPITAL_UNITS,
  };
}

export function kecamatan(code: string, place: string): AgencyTemplate {
  return {
    code, name: `Kecamatan ${place}`, category: "kecamatan", head: "Camat",
    headRank: { prov: "eselon_3", kab: "eselon_3" }, levels: ["kab"], field: "generic", weight: 0.12,
  };
}

export function puskesmas(code: string, place: string): AgencyTemplate {
  return {
    code, name: `UPTD Puskesmas ${place}`, category: "puskesmas", head: "Kepala Puskesmas",
    headRank: { prov: "eselon_4", kab: "eselon_4" }, levels: ["kab"], field: "health", weight: 0.2, exempt: true,
  };
}

/** Districts (kecamatan) for the regency preset; also names puskesmas and hospitals. */
export const DISTRICTS = [
  "Cibinong", "Cileungsi", "Ciawi", "Cisarua", "Megamendung", "Sukaraja", "Babakan Madang", "Citeureup",
  "Gunung Putri", "Jonggol", "Cariu", "Tanjungsari", "Sukamakmur", "Klapanunggal", "Cigombong", "Caringin",
  "Cijeruk", "Ciomas", "Dramaga", "Ciampea", "Tenjolaya", "Pamijahan", "Leuwiliang", "Leuwisadeng",
  "Cibungbulang", "Rumpin", "Parung", "Ciseeng", "Gunung Sindur", "Kemang", "Rancabungur", "Tajurhalang",
  "Bojonggede", "Tamansari", "Nanggung", "Cigudeg", "Sukajaya", "Jasinga", "Tenjo", "Parung Panjang",
];

export const REGENCIES = [
  "Bogor", "Garut", "Cianjur", "Sukabumi", "Tasikmalaya", "Kotawaringin Timur", "Banyumas", "Sleman",
  "Gresik", "Jember", "Malang", "Bantul", "Klaten", "Lamongan", "Deli Serdang", "Gowa", "Bone", "Badung",
  "Lombok Timur", "Kutai Kartanegara",
];

/** The 38 provinces with their BPS codes (agency ids in the national preset start with it). */
export const PROVINCES: readonly (readonly [string, string])[] = [
  ["11", "Aceh"], ["12", "Sumatera Utara"], ["13", "Sumatera Barat"], ["14", "Riau"], ["15", "Jambi"],
  ["16", "Sumatera Selatan"], ["17", "Bengkulu"], ["18", "Lampung"], ["19", "Kepulauan Bangka Belitung"],
  ["21", "Kepulauan Riau"], ["31", "DKI Jakarta"], ["32", "Jawa Barat"], ["33", "Jawa Tengah"],
  ["34", "DI Yogyakarta"], ["35", "Jawa Timur"], ["36", "Banten"], ["51", "Bali"], ["52", "Nusa Tenggara Barat"],
  ["53", "Nusa Tenggara Timur"], ["61", "Kalimantan Barat"], ["62", "Kalimantan Tengah"],
  ["63", "Kalimantan Selatan"], ["64", "Kalimantan Timur"], ["65", "Kalimantan Utara"], ["71", "Sulawesi Utara"],
  ["72", "Sulawesi Tengah"], ["73", "Sulawesi Selatan"], ["74", "Sulawesi Tenggara"], ["75", "Gorontalo"],
  ["76", "Sulawesi Barat"], ["81", "Maluku"], ["82", "Maluku Utara"], ["91", "Papua"], ["92", "Papua Barat"],
  ["93", "Papua Selatan"], ["94", "Papua Tengah"], ["95", "Papua Pegunungan"], ["96", "Papua Barat Daya"],
];

/** Titles by rank (heads excepted); none of them is a head's position. */
export const STRUCTURAL_TITLES: Record<"eselon_2" | "eselon_3" | "eselon_4", Partial<Record<Category | "setda", readonly string[]>> & { default: readonly string[] }> = {
  eselon_2: { setda: ["Asisten Daerah", "Staf Ahli", "Kepala Biro"], rsud: ["Wakil Direktur"], default: ["Sekretaris"] },
  eselon_3: { setda: ["Kepala Bagian"], kecamatan: ["Sekretaris Camat"], rsud: ["Kepala Bidang", "Kepala Bagian"], puskesmas: ["Kepala Tata Usaha"], default: ["Kepala Bidang", "Kepala Bidang", "Sekretaris", "Kepala UPTD"] },
  eselon_4: { setda: ["Kepala Subbagian"], kecamatan: ["Kepala Seksi"], puskesmas: ["Kepala Subbagian Tata Usaha"], default: ["Kepala Seksi", "Kepala Subbagian", "Kepala Subbidang"] },
};

export const FUNCTIONAL_TITLES: Record<Field, readonly string[]> = {
  education: ["Guru Ahli Pertama", "Guru Ahli Muda", "Guru Ahli Muda", "Guru Ahli Madya", "Guru Ahli Madya", "Pengawas Sekolah", "Pustakawan Ahli Pertama"],
  health: ["Dokter Ahli Pertama", "Dokter Ahli Muda", "Perawat Ahli Pertama", "Perawat Terampil", "Perawat Terampil", "Bidan Terampil", "Apoteker Ahli Pertama", "Nutrisionis Terampil", "Pranata Laboratorium Kesehatan"],
  audit: ["Auditor Ahli Pertama", "Auditor Ahli Muda", "Auditor Ahli Madya", "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah Ahli Muda"],
  agriculture: ["Penyuluh Pertanian Ahli Pertama", "Penyuluh Pertanian Terampil", "Pengawas Mutu Hasil Pertanian", "Analis Kebijakan Ahli Muda"],
  generic: ["Analis Kebijakan Ahli Muda", "Perencana Ahli Pertama", "Pranata Komputer Ahli Pertama", "Arsiparis Terampil", "Analis Pengelolaan Keuangan APBN Ahli Muda", "Pranata Hubungan Masyarakat Ahli Pertama", "Analis Sumber Daya Manusia Aparatur Ahli Pertama"],
};

export const PELAKSANA_TITLES = [
  "Pengadministrasi Umum", "Pengadministrasi Umum", "Pengelola Keuangan", "Pengadministrasi Perkantoran",
  "Operator Layanan Operasional", "Penata Layanan Operasional", "Pengemudi", "Pramu Bakti", "Petugas Keamanan",
];

export const MALE_FIRST = [
  "Agus", "Budi", "Dedi", "Hendra", "Iwan", "Joko", "Rudi", "Asep", "Dadang", "Ujang", "Yudi", "Bambang",
  "Slamet", "Eko", "Ahmad", "Muhammad", "Rizki", "Fajar", "Andi", "Wahyu", "Dimas", "Teguh", "Arif", "Hadi",
  "Yusuf", "Irfan", "Ade", "Cecep", "Dodi", "Ikhsan", "Ma'ruf", "Gede", "Benny", "Roni",
];
export const FEMALE_FIRST = [
  "Siti", "Sri", "Dewi", "Rina", "Nurul", "Ani", "Yuli", "Euis", "Neneng", "Lilis", "Tuti", "Wulan", "Ratna",
  "Endang", "Fitri", "Indah", "Lestari", "Nur", "Ayu", "Putri", "Dian", "Rika", "Novi", "Retno", "Ika",
  "Mega", "Yanti", "Ela", "Imas", "Rini", "Maria", "Ratih",
];
export const MALE_LAST = [
  "Hidayat", "Santoso", "Wijaya", "Saputra", "Kurniawan", "Setiawan", "Nugroho", "Suryadi", "Permana",
  "Gunawan", "Hermawan", "Firmansyah", "Ramadhan", "Pratama", "Maulana", "Sulaeman", "Sopandi", "Rohman",
  "Hakim", "Kusuma", "Purnama", "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sinaga",
  "Tanjung", "Wibowo", "Prasetyo", "Supriyadi", "Mulyana",
];
export const FEMALE_LAST = [
  "Rahayu", "Susanti", "Handayani", "Lestari", "Utami", "Wahyuni", "Anggraini", "Yulianti", "Kurniasih",
  "Purnamasari", "Maryati", "Nurhayati", "Rahmawati", "Suryani", "Fitriani", "Siregar", "Nasution",
  "Harahap", "Kusumawati", "Permatasari", "Setiawati", "Damayanti",
];

/** Degrees written after a name ("Siti Rahayu, S.Pd."): the comma is why names get quoted. */
export const DEGREES: Record<Field, readonly string[]> = {
  education: ["S.Pd.", "S.Pd.", "S.Pd.", "M.Pd.", "S.Si.", "S.Ag."],
  health: ["S.Kep.", "A.Md.Kep.", "A.Md.Keb.", "S.K.M.", "S.Farm.", "S.Kep., Ners"],
  audit: ["S.E.", "S.E., M.Ak.", "S.H.", "S.Ak."],
  agriculture: ["S.P.", "S.Pt.", "S.Hut.", "S.Pi.", "M.Si."],
  generic: ["S.E.", "S.H.", "S.Sos.", "S.T.", "S.Kom.", "S.IP.", "M.Si.", "M.M.", "S.AP."],
};

export const LEAVE_KINDS = ["cuti tahunan", "cuti tahunan", "cuti tahunan", "cuti sakit", "dinas luar", "dinas luar", "cuti alasan penting"];

/** Fixed-date national holidays (the moving religious ones are left out, never guessed). */
export const FIXED_HOLIDAYS = ["01-01", "05-01", "06-01", "08-17", "12-25"];
