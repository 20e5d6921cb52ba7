/**
 * Checks on the parsed data before its shape is: not too many values or too deep (a JSON
 * file is not counted while parsing, and a YAML alias may be used many times), and every
 * text free of control characters and half surrogate pairs, each reported by its path.
 */
import { STORY_LIMITS, TOO_MANY_VALUES } from "./limits.ts";
import { characterProblem, pathText } from "./text.ts";

/** Every problem of the data's values; `tooMany` when there are more values than allowed (then only that). */
export function checkValues(data: unknown): { problems: string[]; tooMany: boolean } {
  const problems: string[] = [];
  const path: (string | number)[] = [];
  let count = 0;
  let deep = false;
  const visit = (value: unknown): boolean => {
    if (++count > STORY_LIMITS.values) return false;
    if (typeof value === "string") {
      const problem = characterProblem(value);
      if (problem) problems.push(`${pathText(path)}: ${problem}`);
      return true;
    }
    if (typeof value !== "object" || value === null) return true;
    if (path.length >= STORY_LIMITS.depth) {
      if (!deep) problems.push(`${pathText(path)}: nested more than ${STORY_LIMITS.depth} levels deep`);
      deep = true;
      return true;
    }
    const record = value as Record<string, unknown>;
    const keys: (string | number)[] = Array.isArray(value) ? [] : Object.keys(record);
    const length = Array.isArray(value) ? value.length : keys.length;
    for (let i = 0; i < length; i++) {
      const key = Array.isArray(value) ? i : keys[i]!;
      path.push(key);
      const more = visit(Array.isArray(value) ? value[i] : record[key]);
      path.pop();
      if (!more) return false;
    }
    return true;
  };
  return visit(data) ? { problems, tooMany: false } : { problems: [TOO_MANY_VALUES], tooMany: true };
}
