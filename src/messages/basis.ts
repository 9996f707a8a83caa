/**
 * The words of a cap's basis in Indonesian. The basis is built once, in English, where the cap
 * is compiled ("25 % (SE 67/2020, high-risk zone) of 40", "count 5", "exempt"); every message
 * that shows it under `--lang id` goes through `formatMessage`, which translates it here, so
 * no English fragment reaches an Indonesian message.
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
