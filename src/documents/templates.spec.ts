import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fill, loadTemplate } from './templates';

const dir = mkdtempSync(join(tmpdir(), 'templates-'));

function templateFile(name: string, yaml: string): string {
  writeFileSync(join(dir, `${name}.yaml`), yaml);
  return name;
}

const frame = `
version: "1"
document: { title: "T", subject: "S", footer: "F", pageLabel: "P", tableOfContents: "C" }
cover: { kicker: "K", title: "T", subtitle: "S", facts: [], note: "N" }
`;

describe('fill', () => {
  it('fills placeholders without HTML escaping and leaves unknown ones empty', () => {
    expect(fill('{{a}} & <{{b}}> {{missing}}.', { a: 'R&D', b: '"x"' })).toBe('R&D & <"x"> .');
  });
});

describe('loadTemplate', () => {
  it('reads the sections in their order and checks wording keys where they are used', () => {
    const template = loadTemplate(
      templateFile(
        'ok',
        `${frame}sections:\n  - { id: b, heading: "B {{n}}" }\n  - { id: a, heading: "A" }\n`,
      ),
      ['a', 'b'],
      dir,
    );
    expect(template.sections.map((s) => s.id)).toEqual(['b', 'a']);
    expect(template.sections[0].node.text('heading', { n: 2 })).toBe('B 2');
    expect(() => template.sections[0].node.text('intro')).toThrow(
      'ok.yaml.sections[0].intro must be a string',
    );
  });

  it.each([
    ['an unknown section', `${frame}sections:\n  - { id: z }\n`, 'unknown section "z"'],
    ['a section twice', `${frame}sections:\n  - { id: a }\n  - { id: a }\n`, 'listed twice'],
    ['no version', 'document: {}\ncover: {}\nsections: []\n', 'version must be'],
    ['no sections', frame, 'sections must be a list'],
    ['not a mapping', '- a\n- b\n', 'must hold a mapping'],
  ])('refuses %s, naming it', (_case, yaml, message) => {
    expect(() => loadTemplate(templateFile('bad', yaml), ['a'], dir)).toThrow(message);
  });
});
