// The language server's workspace folders: one language service per folder, the folder of each document (the
// longest folder URI that is a prefix of its URI), and a loose folder for documents outside every folder (and
// for everything when the client opened no folder).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerAddress } from './core/context';
import type { LanguageService } from './service/languageService';
import type { ServerSettings } from './serverSettings';

/**
 * One workspace folder: its own language service (workspace model, bench file), settings, selected
 * phone and the address of the dev server the client runs for it.
 */
export interface Folder {
  /** The folder URI without a trailing slash. */
  readonly uri: string;
  readonly ls: LanguageService;
  settings: ServerSettings;
  /** Phone the client selected for this folder (selectPhone notification); else the setting. */
  selectedPhone?: string;
  /** The running dev server's address (devServerChanged notification); renders use it for server.url. */
  address?: ServerAddress;
  /** The folder on disk (undefined: open buffers only). */
  readonly root?: string;
  /** Bumped on watched-file events (the service thread drops what it listed). */
  filesEpoch: number;
}

export const trimSlash = (uri: string) => uri.replace(/\/+$/, '');

export class WorkspaceFolders {
  /** The workspace folders, in the client's order. */
  private readonly byUri = new Map<string, Folder>();
  private looseFolder?: Folder;
  /** Which folder's service holds each open document's text. */
  readonly docFolder = new Map<string, Folder>();
  /** Settings from initializationOptions: unscoped, and per folder URI when the client sent them. */
  initSettings: unknown;
  initFolderSettings: Record<string, unknown> = {};

  /** `create`: a folder's workspace over its files on disk (`onDisk` false: no files but open documents). */
  constructor(
    private readonly create: (uri: string, raw: unknown, onDisk: boolean) => Folder,
    private readonly log: (m: string) => void,
  ) {}

  /** The client's folders (not the loose one). */
  get listed(): Folder[] {
    return [...this.byUri.values()];
  }
  /** Every folder, the loose one last when there is one. */
  all(): Folder[] {
    return [...this.byUri.values(), ...(this.looseFolder ? [this.looseFolder] : [])];
  }
  isLoose(f: Folder): boolean {
    return f === this.looseFolder;
  }
  loose(): Folder {
    return (this.looseFolder ??= this.create('file:///', this.initSettings, false));
  }

  add(uri: string): Folder {
    const key = trimSlash(uri);
    let f = this.byUri.get(key);
    if (!f) {
      const raw = this.initFolderSettings[key] ?? this.initFolderSettings[`${key}/`] ?? this.initSettings;
      this.byUri.set(key, (f = this.create(key, raw, true)));
    }
    return f;
  }
  has(uri: string): boolean {
    return this.byUri.has(trimSlash(uri));
  }
  /** Removes a client folder; the documents it held are forgotten (they move on their next sync). */
  remove(uri: string): Folder | undefined {
    const f = this.byUri.get(trimSlash(uri));
    if (!f) return undefined;
    this.byUri.delete(f.uri);
    for (const [doc, held] of this.docFolder) if (held === f) this.docFolder.delete(doc);
    return f;
  }

  /** The folder a document (or folder) URI belongs to: the longest folder URI that is a prefix of it. */
  of(uri: string): Folder {
    let best: Folder | undefined;
    for (const f of this.byUri.values()) {
      if ((uri === f.uri || uri.startsWith(`${f.uri}/`)) && (!best || f.uri.length > best.uri.length)) best = f;
    }
    return best ?? this.loose();
  }
  /** The folder a request without a document names; by default the first folder holding its bench file. */
  forRequest(folderUri: string | undefined): Folder {
    if (typeof folderUri === 'string' && folderUri) return this.of(trimSlash(folderUri));
    const all = this.listed;
    return all.find((f) => hasBench(f)) ?? all[0] ?? this.loose();
  }
  service(doc: TextDocument | string): LanguageService {
    return this.of(typeof doc === 'string' ? doc : doc.uri).ls;
  }

  /** Puts an open document's text into its folder's service (moving it when folders changed). */
  syncDoc(d: TextDocument): Folder {
    const f = this.of(d.uri);
    const before = this.docFolder.get(d.uri);
    if (before && before !== f) {
      try {
        before.ls.closeDocument(d.uri);
      } catch (e) {
        this.log(String(e));
      }
    }
    this.docFolder.set(d.uri, f);
    return f;
  }
}

function hasBench(f: Folder): boolean {
  try {
    return f.ls.context.files.read(f.ls.context.benchFile) !== undefined;
  } catch {
    return false;
  }
}
