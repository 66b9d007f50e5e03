/**
 * Reading the YAML files of the content directory (notice metadata,
 * departments, redirects) into plain values, with one-line errors. Pure.
 */
import YAML from 'yaml';
import type { z } from 'zod';

/** The most aliases a content file may expand: a hand-written file needs few; an alias bomb needs thousands. */
const maxAliasCount = 100;

/** A YAML text read into a plain value, or why it cannot be (with its 1-based line, 0 for the whole file). */
export type YamlResult = { ok: true; value: unknown } | { ok: false; line: number; message: string };

/**
 * Returns the plain value of a YAML text, or a one-line reason it is not valid: a syntax error with
 * its line, or an alias bomb (`Excessive alias count`) that would expand without bound.
 */
export function readYaml(text: string): YamlResult {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { prettyErrors: false, lineCounter, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) return { ok: false, line: lineCounter.linePos(error.pos[0]).line, message: `invalid YAML: ${firstLine(error.message)}` };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount }) };
  } catch (e) {
    // The yaml library throws while expanding aliases: too many of them (a resource-exhaustion attack).
    return { ok: false, line: 0, message: `invalid YAML: ${firstLine(e instanceof Error ? e.message : String(e))}` };
  }
}

/** A YAML text read and checked by a schema, or what is wrong with it: one line per problem (line 0 for the whole file). */
export type CheckedYaml<T> = { ok: true; value: T } | { ok: false; problems: Array<{ line: number; message: string }> };

/**
 * Returns the value of a YAML text checked by `schema`, or its problems: the YAML error with its
 * line, else one problem per invalid field, naming the field (`field “district” is missing`,
 * `field “slug”: a slug is lower-case ASCII words joined by hyphens`).
 */
export function readYamlAs<T>(text: string, schema: z.ZodType<T>): CheckedYaml<T> {
  const read = readYaml(text);
  if (!read.ok) return { ok: false, problems: [{ line: read.line, message: read.message }] };
  const result = schema.safeParse(read.value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => ({ line: 0, message: fieldProblem(issue) })) };
}

/** Returns one invalid field in words: a missing field as missing, else the schema's message. */
function fieldProblem(issue: z.core.$ZodIssue): string {
  const field = `field “${issue.path.join('.') || '(root)'}”`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${field} is missing`;
  return `${field}: ${issue.message}`;
}

/** Returns the first line of a message. */
function firstLine(message: string): string {
  return message.split('\n')[0] ?? '';
}
