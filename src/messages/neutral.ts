/**
 * Values that are built in English words where they are found, outside the catalogue, in
 * Indonesian: a cap's basis ("25 % (SE 67/2020, high-risk zone) of 40", "count 5", "exempt"),
 * who a composition rule counts ("staff of unit Perpustakaan"), why staff must be in
 * ("1 mandatory, 3 employment"), and what an input cell expected ("a whole number of 0 or
 * more"). Every message goes through `formatMessage`, which calls `indonesianValues` under
 * `--lang id`, so no English fragment reaches an Indonesian message.
 */
const WORDS: ReadonlyArray<[RegExp, string]> = [
  [/ of (\d+)/g, " dari $1"],
  [/^count (\d+)/, "jumlah $1"],
  [/^exempt$/, "dikecualikan"],
  [/no-case zone/g, "zona tanpa kasus"],
  [/high-risk zone/g, "zona risiko tinggi"],
  [/medium-risk zone/g, "zona risiko sedang"],
  [/low-risk zone/g, "zona risiko rendah"],
  [/outside Java-Bali/g, "luar Jawa-Bali"],
  [/Java-Bali/g, "Jawa-Bali"],
  [/non-essential/g, "non-esensial"],
  [/\bessential/g, "esensial"],
  [/caps\.csv line (\d+)/g, "caps.csv baris $1"],
];

/**
 * @example basisInIndonesian("25 % (SE 67/2020, high-risk zone) of 40") //=> "25 % (SE 67/2020, zona risiko tinggi) dari 40"
 */
export function basisInIndonesian(basis: string): string {
  return WORDS.reduce((text, [pattern, words]) => text.replace(pattern, words), basis);
}

const WHO: ReadonlyArray<[RegExp, string]> = [
  [/^staff of unit (.+)$/s, "pegawai unit $1"],
  [/^staff$/, "pegawai"],
  [/^(\S+) of unit (.+)$/s, "$1 unit $2"],
];

const REASONS: ReadonlyArray<[RegExp, string]> = [
  [/(\d+) mandatory/g, "$1 wajib hadir"],
  [/(\d+) employment/g, "$1 karena status kepegawaian"],
  [/(\d+) exempt/g, "$1 dikecualikan"],
];

/** What input cells and fields expect, as `src/domain` and zod word it. */
const EXPECTED: ReadonlyArray<[RegExp, string]> = [
  [/^a real date written YYYY-MM-DD or DD\/MM\/YYYY$/, "tanggal yang sah, ditulis YYYY-MM-DD atau DD/MM/YYYY"],
  [/^a whole number of 0 or more$/, "bilangan bulat 0 atau lebih"],
  [/^a whole number from (\S+) to (\S+), digits only$/, "bilangan bulat dari $1 sampai $2, hanya angka"],
  [/^a percentage from 0 to 100, digits with an optional decimal \. or ,$/, "persentase dari 0 sampai 100, angka dengan desimal . atau , bila perlu"],
  [/^a number from (\S+) to (\S+)$/, "bilangan dari $1 sampai $2"],
  [/^a whole number from (\S+) to (\S+)$/, "bilangan bulat dari $1 sampai $2"],
  [/^a whole number of years from (\S+) to (\S+)$/, "bilangan bulat tahun dari $1 sampai $2"],
  [/^a PPKM level: 1, 2, 3 or 4$/, "level PPKM: 1, 2, 3 atau 4"],
  [/^a number written in plain digits, without an exponent$/, "bilangan ditulis dengan angka biasa, tanpa eksponen"],
  [/^employee_id,date,mode \(long form\) or employee_id,<one column per workday date> \(wide form\)$/, "employee_id,date,mode (bentuk panjang) atau employee_id,<satu kolom per tanggal hari kerja> (bentuk lebar)"],
  [/^a percentage from 0 to 100$/, "persentase dari 0 sampai 100"],
  [/^a non-empty id$/, "id yang tidak kosong"],
  [/^true\/false, 1\/0, ya\/tidak or benar\/salah$/, "true/false, 1/0, ya/tidak atau benar/salah"],
  [/^\* or a rank \((.*)\)$/s, "* atau jenjang ($1)"],
  [/^a date on or after start \((.*)\)$/s, "tanggal pada atau setelah start ($1)"],
  [/^a multiple of (.*)$/s, "kelipatan $1"],
  [/^string length /, "panjang teks "],
  [/^array length /, "jumlah isian "],
  [/^number$/, "angka"],
  [/^string$/, "teks"],
  [/^boolean$/, "true atau false"],
  [/^array$/, "daftar"],
  [/^object$/, "objek"],
];

function rewrite(text: string, words: ReadonlyArray<[RegExp, string]>, first = false): string {
  for (const [pattern, replacement] of words) {
    if (first && pattern.test(text)) return text.replace(pattern, replacement);
    if (!first) text = text.replace(pattern, replacement);
  }
  return text;
}

/** The values of a message with the English-built ones in Indonesian (see the file's comment). */
export function indonesianValues<V extends Readonly<Record<string, string | number>>>(values: V): V {
  let out: Record<string, string | number> | null = null;
  const set = (key: string, value: string) => {
    out ??= { ...values };
    out[key] = value;
  };
  if (typeof values.basis === "string") set("basis", basisInIndonesian(values.basis));
  if (typeof values.who === "string") set("who", rewrite(values.who, WHO, true));
  if (typeof values.reasons === "string") set("reasons", rewrite(values.reasons, REASONS));
  if (typeof values.expected === "string") set("expected", rewrite(values.expected, EXPECTED, true));
  return (out ?? values) as V;
}
