/**
 * Example job postings. Each is anchored on an ESCO ICT occupation (by ESCO
 * code); its requirements are derived by the build from the occupation's
 * essential skills (see job-catalogue.ts). `focus` lists optional skills of the
 * occupation (exact preferred labels) that the posting names explicitly, such
 * as the programming language; they are always included and come first.
 */
export type Seniority = 'junior' | 'mid' | 'senior';

export interface JobSpec {
  key: string;
  occupationCode: string;
  title: string;
  seniority: Seniority;
  description: string;
  focus?: readonly string[];
}

export const JOB_SPECS: readonly JobSpec[] = [
  {
    key: 'junior-web-developer',
    occupationCode: '2513.5',
    title: 'Junior Web Developer',
    seniority: 'junior',
    description: 'Build and maintain accessible, standards-compliant web pages and components alongside a small product team.',
    focus: ['JavaScript', 'CSS'],
  },
  {
    key: 'frontend-engineer-typescript',
    occupationCode: '2513.5',
    title: 'Front-End Engineer (TypeScript)',
    seniority: 'mid',
    description: 'Own front-end features end to end in a TypeScript single-page application, from design hand-off to release.',
    focus: ['TypeScript', 'JavaScript Framework'],
  },
  {
    key: 'backend-developer-python',
    occupationCode: '2512.4',
    title: 'Backend Developer (Python)',
    seniority: 'mid',
    description: 'Design, implement and document Python services and their data access layer for a B2B platform.',
    focus: ['Python (computer programming)', 'SQL'],
  },
  {
    key: 'senior-java-engineer',
    occupationCode: '2512.4',
    title: 'Senior Java Software Engineer',
    seniority: 'senior',
    description: 'Lead the design of Java back-end systems, mentor developers and keep the delivery pipeline healthy.',
    focus: ['Java (computer programming)'],
  },
  {
    key: 'cloud-engineer',
    occupationCode: '2512.1',
    title: 'Cloud Engineer',
    seniority: 'mid',
    description: 'Build, automate and operate cloud infrastructure and services with a strong security and cost focus.',
  },
  {
    key: 'senior-cloud-architect',
    occupationCode: '2512.1',
    title: 'Senior Cloud Solutions Architect',
    seniority: 'senior',
    description: 'Shape cloud architecture and migration roadmaps for enterprise clients across several product lines.',
  },
  {
    key: 'data-scientist',
    occupationCode: '2511.4',
    title: 'Data Scientist',
    seniority: 'mid',
    description: 'Turn messy operational data into models, analyses and visual stories that drive product decisions.',
  },
  {
    key: 'junior-data-analyst',
    occupationCode: '2511.3',
    title: 'Junior Data Analyst',
    seniority: 'junior',
    description: 'Prepare, clean and analyse business data and report results to stakeholders in clear visual form.',
  },
  {
    key: 'database-administrator-postgresql',
    occupationCode: '2521.1',
    title: 'Database Administrator (PostgreSQL)',
    seniority: 'mid',
    description: 'Keep production PostgreSQL clusters fast, secure and recoverable; plan capacity and schema changes.',
    focus: ['PostgreSQL'],
  },
  {
    key: 'penetration-tester',
    occupationCode: '2529.4',
    title: 'Penetration Tester',
    seniority: 'mid',
    description: 'Plan and run authorised security tests of web applications and infrastructure and report findings.',
  },
  {
    key: 'senior-security-engineer',
    occupationCode: '2529.7',
    title: 'Senior Security Engineer',
    seniority: 'senior',
    description: 'Define and implement security strategy, policies and controls across a regulated organisation.',
  },
  {
    key: 'network-engineer',
    occupationCode: '2523.3',
    title: 'Network Engineer',
    seniority: 'mid',
    description: 'Design, secure and tune enterprise networks across several sites, including VPN and routing.',
  },
  {
    key: 'linux-systems-administrator',
    occupationCode: '2522.1',
    title: 'Linux Systems Administrator',
    seniority: 'mid',
    description: 'Administer, secure and back up Linux servers and support internal users of ICT systems.',
  },
  {
    key: 'qa-engineer',
    occupationCode: '2519.7',
    title: 'QA Engineer',
    seniority: 'mid',
    description: 'Plan and execute functional and automated tests and report defects with clear reproduction steps.',
  },
  {
    key: 'it-project-manager',
    occupationCode: '1330.7',
    title: 'IT Project Manager',
    seniority: 'senior',
    description: 'Deliver multi-team ICT projects on time and budget, managing risk, change and people.',
  },
  {
    key: 'business-analyst',
    occupationCode: '2511.9',
    title: 'ICT Business Analyst',
    seniority: 'mid',
    description: 'Elicit requirements, model business processes and translate needs into solution designs.',
  },
  {
    key: 'ui-designer',
    occupationCode: '2513.3',
    title: 'UI Designer',
    seniority: 'mid',
    description: 'Design accessible user interfaces, wireframes and visual assets for web and mobile products.',
  },
  {
    key: 'ux-researcher',
    occupationCode: '2511.19',
    title: 'UX Researcher',
    seniority: 'mid',
    description: 'Run user research and usability studies and turn the findings into actionable design insight.',
  },
  {
    key: 'mobile-app-developer',
    occupationCode: '2514.2.2',
    title: 'Mobile App Developer (iOS and Android)',
    seniority: 'mid',
    description: 'Build and ship native mobile applications for iOS and Android from a shared product backlog.',
    focus: ['Swift (computer programming)', 'Android (mobile operating systems)'],
  },
  {
    key: 'it-support-specialist',
    occupationCode: '3512.1',
    title: 'IT Support Specialist',
    seniority: 'junior',
    description: 'Resolve first- and second-line support tickets for staff across hardware, software and accounts.',
  },
  {
    key: 'software-architect',
    occupationCode: '2512.3',
    title: 'Software Architect',
    seniority: 'senior',
    description: 'Define software architecture, modelling standards and technical direction for several teams.',
  },
  {
    key: 'smart-contract-developer',
    occupationCode: '2512.4.1',
    title: 'Smart Contract Developer',
    seniority: 'mid',
    description: 'Develop, test and document smart contracts and decentralised applications.',
    focus: ['Solidity'],
  },
  {
    key: 'digital-forensics-analyst',
    occupationCode: '2529.2',
    title: 'Digital Forensics Analyst',
    seniority: 'mid',
    description: 'Collect and preserve digital evidence and investigate security incidents for legal proceedings.',
  },
  {
    key: 'recording-studio-technician',
    occupationCode: '3521.1.6',
    title: 'Recording Studio Technician',
    seniority: 'mid',
    description: 'Set up, record, edit and mix multi-track sessions in a busy commercial recording studio.',
  },
  {
    key: 'it-auditor',
    occupationCode: '2511.18',
    title: 'IT Auditor',
    seniority: 'senior',
    description: 'Plan and perform ICT audits against security and quality standards and recommend improvements.',
  },
  {
    key: 'embedded-software-developer',
    occupationCode: '2514.2.1',
    title: 'Embedded Software Developer',
    seniority: 'mid',
    description: 'Write and debug firmware and device drivers for connected industrial devices.',
    focus: ['C++'],
  },
  {
    key: 'accessibility-tester',
    occupationCode: '2519.7.2',
    title: 'Accessibility Tester',
    seniority: 'junior',
    description: 'Test web and mobile products against accessibility standards with real assistive technologies.',
  },
  {
    key: 'network-support-technician',
    occupationCode: '3513.2',
    title: 'Network Support Technician',
    seniority: 'junior',
    description: 'Install, configure and troubleshoot network equipment and cabling across office sites.',
  },
];
