/** Character range [start, end) in the original markdown (`ParsedMeeting.raw`). */
export type Span = [number, number];

export type GroupKind = 'committee' | 'sig' | 'wg' | 'other';

export interface MeetingGroup {
  /** Directory name as found in the path, lower-cased, e.g. `sig-economics`. */
  slug: string;
  /** Readable name, e.g. "SIG Economics", "Steering Committee", "Akash Website Working Group". */
  name: string;
  kind: GroupKind;
}

/** Where the meeting date came from, best first. */
export type DateSource = 'date-line' | 'front-matter' | 'header-text' | 'file-name';

export interface Person {
  name: string;
  affiliation: string | null;
  span: Span;
  line: number;
}

export interface AgendaItem {
  text: string;
  /** Nesting depth of the bullet, 0 for top level. */
  depth: number;
  span: Span;
  line: number;
}

export interface NoteSection {
  /** Headings from the outermost to this section's own heading (the document title is left out). */
  headingPath: string[];
  level: number;
  /** Body text between this heading and the next one, exactly as in `raw`. */
  text: string;
  /** From the heading line to the end of the body. */
  span: Span;
  line: number;
  isTranscript: boolean;
}

export interface ActionItem {
  text: string;
  owner: string | null;
  /** `heading` when the owner came from a per-person heading, `bullet` when from the bullet text. */
  ownerSource: 'heading' | 'bullet' | null;
  span: Span;
  line: number;
}

export interface TranscriptBlock {
  /** Normalised `HH:MM:SS`. */
  timestamp: string;
  seconds: number;
  /** The timestamp as written, e.g. `### 00:25:00` or `28:33`. */
  label: string;
  span: Span;
  line: number;
}

export interface TranscriptTurn {
  speaker: string | null;
  /** Timestamp of the enclosing block (`HH:MM:SS`), or null before the first one. */
  timestamp: string | null;
  text: string;
  /** The whole turn, speaker label included. */
  span: Span;
  /** Where `text` starts in `raw`: `raw.slice(textStart, span[1]) === text`. */
  textStart: number;
  line: number;
}

export interface MeetingLink {
  url: string;
  text: string | null;
  span: Span;
  line: number;
}

export interface ParsedMeeting {
  path: string;
  raw: string;
  title: string | null;
  number: number | null;
  group: MeetingGroup;
  /** ISO `YYYY-MM-DD`. */
  date: string;
  dateSource: DateSource;
  /** The text the date was read from. */
  dateText: string;
  time: string | null;
  recordingUrl: string | null;
  committee: Person[];
  participants: Person[];
  agenda: AgendaItem[];
  sections: NoteSection[];
  actionItems: ActionItem[];
  transcriptBlocks: TranscriptBlock[];
  turns: TranscriptTurn[];
  links: MeetingLink[];
  /** Things that looked wrong but did not stop parsing, e.g. a date line that disagrees with the file name. */
  warnings: string[];
}
