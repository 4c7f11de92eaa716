import { escapeMermaidLabel, pathwayMermaid } from './mermaid';
import { MermaidCredential } from './pathway.types';

describe('escapeMermaidLabel', () => {
  it.each<[string, string]>([
    ['Intro to Python', 'Intro to Python'],
    ['Say "hi"', 'Say #34;hi#34;'],
    ['[x] (y) {z}', '#91;x#93; #40;y#41; #123;z#125;'],
    ['a|b; c#d', 'a#124;b#59; c#35;d'],
    ['line1\nline2\r\n\tline3', 'line1 line2 line3'],
    ['<script>&', '#60;script#62;#38;'],
    ['%% comment', '#37;#37; comment'],
    ['Café 101', 'Caf#233; 101'],
    ['end', 'end'],
    ['  spaced   out  ', 'spaced out'],
  ])('%j -> %j', (text, expected) => {
    expect(escapeMermaidLabel(text)).toBe(expected);
  });

  it('cuts long labels with an ellipsis', () => {
    expect(escapeMermaidLabel('abcdefghij', 5)).toBe('abcd#8230;');
  });
});

describe('pathwayMermaid', () => {
  const credentials: MermaidCredential[] = [
    { id: 'base', name: 'Base "101"', prerequisiteIds: [], componentIds: [] },
    { id: 'mid', name: 'Middle [level 2]', prerequisiteIds: ['base'], componentIds: [] },
    { id: 'top', name: 'Top', prerequisiteIds: ['mid', 'elsewhere'], componentIds: [] },
    { id: 'side', name: 'Side', prerequisiteIds: [], componentIds: [] },
    { id: 'stack', name: 'Stack', prerequisiteIds: [], componentIds: ['mid', 'side'] },
  ];

  it('held prerequisites, prerequisite and stacking edges, scores', () => {
    const text = pathwayMermaid({
      credentials,
      heldCredentialIds: ['base'],
      steps: [
        { position: 1, credentialId: 'mid', projectedScore: 0.5, earnsStackIds: [] },
        { position: 2, credentialId: 'side', projectedScore: 0.625, earnsStackIds: ['stack'] },
        { position: 3, credentialId: 'top', projectedScore: 0.9, earnsStackIds: [] },
      ],
    });
    expect(text).toBe(
      [
        'flowchart TD',
        '  step1["1. Middle #91;level 2#93;<br/>score 0.50"]',
        '  step2["2. Side<br/>score 0.63"]',
        '  step3["3. Top<br/>score 0.90"]',
        '  stack1(["Stack<br/>stack earned at step 2"])',
        '  held1["Base #34;101#34;<br/>held"]',
        '  step1 --> step2',
        '  step2 --> step3',
        '  held1 -->|prerequisite| step1',
        '  step1 -->|prerequisite| step3',
        '  step1 -.->|stacks into| stack1',
        '  step2 -.->|stacks into| stack1',
        '  classDef stack fill:#fff4d6,stroke:#b8860b',
        '  classDef held fill:#eeeeee,stroke:#999999,color:#555555',
        '  class stack1 stack',
        '  class held1 held',
      ].join('\n'),
    );
  });

  it('titled with the job and target; steps in order from the start, with hours and cost; held steps marked', () => {
    const priced = credentials.map((c, i) => ({ ...c, hours: 10 * (i + 1), cost: 99.5 * i }));
    const text = pathwayMermaid({
      credentials: priced,
      heldCredentialIds: ['side'],
      startScore: 0.25,
      title: 'Accessibility "Tester": target score 0.80',
      steps: [
        { position: 1, credentialId: 'side', projectedScore: 0.25, earnsStackIds: [] },
        { position: 2, credentialId: 'base', projectedScore: 0.5, earnsStackIds: [] },
        { position: 3, credentialId: 'mid', projectedScore: 0.8, earnsStackIds: ['stack'] },
      ],
    });
    expect(text).toBe(
      [
        '---',
        `title: "Accessibility 'Tester': target score 0.80"`,
        '---',
        'flowchart TD',
        '  start(["Start: score 0.25"])',
        '  step1["1. Side (held)<br/>40 h, cost 298.5<br/>score 0.25"]',
        '  step2["2. Base #34;101#34;<br/>10 h, cost 0<br/>score 0.50"]',
        '  step3["3. Middle #91;level 2#93;<br/>20 h, cost 99.5<br/>score 0.80"]',
        '  stack1(["Stack<br/>stack earned at step 3"])',
        '  start --> step1',
        '  step1 --> step2',
        '  step2 --> step3',
        '  step2 -->|prerequisite| step3',
        '  step3 -.->|stacks into| stack1',
        '  step1 -.->|stacks into| stack1',
        '  classDef stack fill:#fff4d6,stroke:#b8860b',
        '  classDef held fill:#eeeeee,stroke:#999999,color:#555555',
        '  class stack1 stack',
        '  class step1 held',
      ].join('\n'),
    );
  });

  it('a title cannot break the front matter', () => {
    const text = pathwayMermaid({ credentials: [], steps: [], title: 'a\n---\nb "c" \\ d' });
    expect(text.split('\n').slice(0, 4)).toEqual(['---', `title: "a --- b 'c' ' d"`, '---', 'flowchart TD']);
  });

  it('no steps', () => {
    expect(pathwayMermaid({ credentials, steps: [] })).toBe(
      ['flowchart TD', '  empty["No steps"]', '  classDef stack fill:#fff4d6,stroke:#b8860b', '  classDef held fill:#eeeeee,stroke:#999999,color:#555555'].join('\n'),
    );
  });

  it('an unknown credential id is shown by its id, escaped', () => {
    const text = pathwayMermaid({ credentials: [], steps: [{ position: 1, credentialId: 'x"]; y', projectedScore: 1, earnsStackIds: [] }] });
    expect(text.split('\n')[1]).toBe('  step1["1. x#34;#93;#59; y<br/>score 1.00"]');
  });
});
