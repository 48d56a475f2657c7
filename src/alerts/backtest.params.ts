/**
 * A threshold named as in the rule file ("passiveDays") or as "<rule>.days" ("passive.days",
 * "passive_long.days", "pause_overdue.days") becomes the parameter name.
 */
export function parameterNameOf(key: string): string {
  const camel = (text: string) => text.replace(/[_.]([a-z])/g, (_m, c: string) => c.toUpperCase());
  return key.includes('.') ? camel(key) : key;
}
