import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import Mustache from 'mustache';
import type { CoverSpec, DocumentSpec, LabelledValue } from './document-spec';

/** templates/, found from src/documents and from dist/documents alike. */
const TEMPLATES_DIR = join(__dirname, '..', '..', 'templates');

export type TemplateView = Record<string, string | number>;

/** Mustache without HTML escaping: the output is PDF text, not markup. */
export function fill(text: string, view: TemplateView): string {
  return Mustache.render(text, view, {}, { escape: (value: unknown) => String(value) });
}

/**
 * One node of a template file, read with the path of each key so that a missing or mistyped key
 * fails loudly (`failover-plan.yaml: sections.runbook.intro must be a string`).
 */
export class TemplateNode {
  constructor(
    readonly path: string,
    private readonly node: Record<string, unknown>,
  ) {}

  /** The wording under `key`, placeholders filled from `view`. */
  text(key: string, view: TemplateView = {}): string {
    return fill(this.string(key), view);
  }

  /** A list of wordings (e.g. table headers), placeholders filled. */
  texts(key: string, view: TemplateView = {}): string[] {
    const value = this.node[key];
    if (!Array.isArray(value) || value.some((x) => typeof x !== 'string')) {
      throw new Error(`${this.path}.${key} must be a list of strings`);
    }
    return (value as string[]).map((x) => fill(x, view));
  }

  child(key: string): TemplateNode {
    const value = this.node[key];
    if (!isRecord(value)) throw new Error(`${this.path}.${key} must be a mapping`);
    return new TemplateNode(`${this.path}.${key}`, value);
  }

  children(key: string): TemplateNode[] {
    const value = this.node[key];
    if (!Array.isArray(value) || !value.every(isRecord)) {
      throw new Error(`${this.path}.${key} must be a list of mappings`);
    }
    return value.map((x, i) => new TemplateNode(`${this.path}.${key}[${i}]`, x));
  }

  number(key: string): number {
    const value = this.node[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`${this.path}.${key} must be a number`);
    }
    return value;
  }

  private string(key: string): string {
    const value = this.node[key];
    if (typeof value !== 'string') throw new Error(`${this.path}.${key} must be a string`);
    return value;
  }
}

/** A parsed template file: its version, the document frame and its sections in order. */
export interface DocumentTemplate {
  name: string;
  version: string;
  language: string;
  root: TemplateNode;
  sections: { id: string; node: TemplateNode }[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Reads `templates/<name>.yaml`. Checks the frame (version, document, cover, sections with ids
 * from `knownSections`, each once); the wording keys are checked where they are used.
 */
export function loadTemplate(
  name: string,
  knownSections: readonly string[],
  dir = TEMPLATES_DIR,
): DocumentTemplate {
  const file = `${name}.yaml`;
  const parsed = load(readFileSync(join(dir, file), 'utf8'));
  if (!isRecord(parsed)) throw new Error(`${file} must hold a mapping`);
  const root = new TemplateNode(file, parsed);
  const version = parsed.version;
  if (typeof version !== 'string' || version.trim() === '') {
    throw new Error(`${file}: version must be a non-empty string`);
  }
  root.child('document');
  root.child('cover');
  const seen = new Set<string>();
  const sections = root.children('sections').map((node) => {
    const id = node.text('id');
    if (!knownSections.includes(id)) {
      throw new Error(
        `${node.path}.id: unknown section "${id}" (known: ${knownSections.join(', ')})`,
      );
    }
    if (seen.has(id)) throw new Error(`${node.path}.id: section "${id}" listed twice`);
    seen.add(id);
    return { id, node };
  });
  return {
    name,
    version,
    language: typeof parsed.language === 'string' ? parsed.language : 'en',
    root,
    sections,
  };
}

const loaded = new Map<string, DocumentTemplate>();

/** `loadTemplate` once per process and name (each worker thread keeps its own). */
export function cachedTemplate(name: string, knownSections: readonly string[]): DocumentTemplate {
  let template = loaded.get(name);
  if (template === undefined) {
    template = loadTemplate(name, knownSections);
    loaded.set(name, template);
  }
  return template;
}

/** The document frame (metadata, cover, footer) from a template's `document` and `cover`. */
export function documentFrame(
  template: DocumentTemplate,
  view: TemplateView,
  createdAt: string,
): Omit<DocumentSpec, 'blocks'> {
  const doc = template.root.child('document');
  const cover = template.root.child('cover');
  const facts: LabelledValue[] = cover
    .children('facts')
    .map((fact) => ({ label: fact.text('label', view), value: fact.text('value', view) }));
  const coverSpec: CoverSpec = {
    kicker: cover.text('kicker', view),
    title: cover.text('title', view),
    subtitle: cover.text('subtitle', view),
    facts,
    note: cover.text('note', view),
  };
  return {
    title: doc.text('title', view),
    subject: doc.text('subject', view),
    author: 'AI Continuity Planner',
    createdAt,
    language: template.language,
    cover: coverSpec,
    tableOfContentsHeading: doc.text('tableOfContents', view),
    footer: doc.text('footer', view),
    // Left for the renderer: {page} and {pages} are not Mustache placeholders.
    pageLabel: doc.text('pageLabel'),
  };
}
