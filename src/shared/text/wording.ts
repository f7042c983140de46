/** Wording helpers for sentences built from data: counted nouns, lists and the indefinite article (used by main and the renderer). */

/** "1 candidate", "3 candidates"; `many` for irregular plurals (default: `one` + "s"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c" (no serial comma); "" for none. */
export function listAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The phrase with "a" or "an" before it, by its first letter's sound: "an employment type", "a user", "an org". */
export function withArticle(phrase: string): string {
  const first = phrase.trim().toLowerCase();
  // Words spelled with a vowel but said with a consonant ("user", "unique", "one"), and the reverse ("hour").
  const consonantSound = /^(u[bcfhjkqrstn][aeiou]|uni|use|usu|eu|one|once)/.test(first);
  const vowelSound = /^(hour|honest|honou?r)/.test(first);
  const an = vowelSound || (/^[aeiou]/.test(first) && !consonantSound);
  return `${an ? 'an' : 'a'} ${phrase}`;
}
