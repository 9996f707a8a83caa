/**
 * Column titles as Indonesian planners write them (and as SIMPEG/SIASN exports and giliran's
 * own `--lang id` sheets title them), mapped onto the columns of the input tables. A title is
 * compared in lower case with spaces, dots, dashes and slashes read as `_`, so `Tanggal Lahir`,
 * `tanggal_lahir` and `TGL. LAHIR` are all `birth_date`.
 */

/** Indonesian (and common English) titles per column. The same title never names two columns of one table. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  employee_id: ["nip", "nip_baru", "nomor_induk_pegawai", "id_pegawai", "kode_pegawai", "pegawai"],
  name: ["nama", "nama_pegawai", "nama_lengkap", "nama_instansi", "nama_opd", "nama_perangkat_daerah"],
  agency_id: ["kode_opd", "kode_instansi", "id_instansi", "instansi", "opd", "perangkat_daerah", "kode_perangkat_daerah", "kode_unor_induk", "agency"],
  rank: ["jenjang", "eselon", "jenjang_jabatan", "jenis_jabatan", "tingkat"],
  position: ["jabatan", "nama_jabatan"],
  employment: ["status", "status_pegawai", "status_kepegawaian", "jenis_pegawai", "kedudukan"],
  birth_date: ["tanggal_lahir", "tgl_lahir", "tgl__lahir", "lahir"],
  unit: ["unit_kerja", "unor", "nama_unor", "bidang", "unit_organisasi"],
  pregnant: ["hamil"],
  comorbid: ["komorbid", "penyakit_penyerta"],
  mandatory: ["wajib", "wajib_hadir", "wajib_masuk"],
  exempt: ["dikecualikan", "pengecualian", "pelayanan_esensial", "kritikal"],
  cap_percent: ["batas_persen", "persen_kantor", "persen_wfo", "kuota_persen"],
  cap_count: ["batas_jumlah", "jumlah_kantor", "kuota", "kuota_jumlah"],
  min_office: ["minimal_kantor", "min_kantor", "paling_sedikit_di_kantor"],
  zone: ["zona", "zona_risiko"],
  ppkm_level: ["level_ppkm", "level"],
  ppkm_region: ["wilayah_ppkm", "wilayah"],
  ppkm_sector: ["sektor_ppkm", "sektor"],
  min_per_day: ["minimal_per_hari", "min_per_hari", "paling_sedikit"],
  max_per_day: ["maksimal_per_hari", "maks_per_hari", "paling_banyak"],
  from: ["dari", "mulai", "tanggal_mulai", "tgl_mulai", "dari_tanggal"],
  to: ["sampai", "selesai", "tanggal_selesai", "tgl_selesai", "sampai_tanggal", "hingga"],
  kind: ["jenis", "jenis_cuti", "keterangan"],
  office_days: ["hari_kantor", "jumlah_hari_kantor"],
  workdays: ["hari_kerja", "jumlah_hari_kerja"],
};

const BY_ALIAS = new Map<string, string[]>();
for (const [column, aliases] of Object.entries(ALIASES)) {
  for (const alias of aliases) BY_ALIAS.set(alias, [...(BY_ALIAS.get(alias) ?? []), column]);
}

/** A title in the form aliases are written in: lower case, runs of spaces, dots, dashes and slashes as `_`. */
export function normalizeTitle(raw: string): string {
  return raw.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s.\-/]+/g, "_").replace(/^_+|_+$/g, "");
}

/**
 * The column a header cell names, among `known` (a table's columns): the title itself, its
 * normalized form, or the column an alias stands for. Anything else comes back trimmed and in
 * lower case, for the "unknown column" message.
 *
 * @example canonicalColumn("Tanggal Lahir", new Set(["birth_date"])) //=> "birth_date"
 */
export function canonicalColumn(raw: string, known: ReadonlySet<string>): string {
  const plain = raw.trim().toLowerCase();
  if (known.has(plain)) return plain;
  const normal = normalizeTitle(raw);
  if (known.has(normal)) return normal;
  const target = BY_ALIAS.get(normal)?.find((column) => known.has(column));
  return target ?? plain;
}

/** Every alias, for guessing a header's delimiter. */
export const ALIAS_TITLES: ReadonlySet<string> = new Set(BY_ALIAS.keys());
