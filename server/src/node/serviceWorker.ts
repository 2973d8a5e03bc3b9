// The language server's service thread: holds a language service per workspace folder, kept in step
// with the connection's thread by the jobs it receives (folder settings, changed and closed buffers), and
// runs validations and preview renders. Each render start is reported (a beat), so the connection's
// thread can tell a render past its budget from a long pass over many phones.
import { parentPort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiskFiles, MemoryFiles } from '../core/files';
import { RenderCancelled, renderWatch } from '../core/render/interpreter';
import type { FolderState, OpenDoc } from '../offThread';
import type { EffectiveParams, RenderParams } from '../protocol';
import { createLanguageService, type LanguageService } from '../service/languageService';
import type { ValidationOptions } from '../service/validation';
import { gitTracked, GIT_ANSWER_MS } from './gitTracked';

export interface ServiceJob {
  id: number;
  /** Shared with the connection's thread: holds the id of a job it has superseded (a newer edit of the document). */
  cancel: Int32Array;
  kind: 'validate' | 'render' | 'effective';
  folder: Omit<FolderState, 'docs'>;
  /** Open documents whose text the thread has not seen yet. */
  docs: OpenDoc[];
  /** Documents closed (or moved to another folder) since the thread last heard of them. */
  closed: string[];
  doc?: { uri: string; version: number };
  opts?: ValidationOptions;
  params?: RenderParams;
  effective?: EffectiveParams;
}

export type ServiceReply =
  'ready' | { beat: number } | { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; cancelled?: boolean };

interface Held {
  ls: LanguageService;
  root?: string;
  epoch: number;
  address: string;
  docs: Map<string, OpenDoc>;
}

const held = new Map<string, Held>();

/** The folder's language service, brought to the state the job describes. */
function apply(job: ServiceJob): Held {
  const f = job.folder;
  let h = held.get(f.uri);
  if (!h || h.root !== f.root) {
    const root = f.root;
    const benchTracked = root ? (file: string) => gitTracked(root, file, GIT_ANSWER_MS) : undefined;
    const ls = createLanguageService(f.uri, root ? new DiskFiles(root) : new MemoryFiles(), { benchFile: f.benchFile, benchTracked });
    h = { ls, root: f.root, epoch: f.filesEpoch, address: '', docs: new Map() };
    held.set(f.uri, h);
  }
  const ctx = h.ls.context;
  h.ls.setBenchFile(f.benchFile);
  h.ls.configure({ phone: f.phone, problems: f.problems });
  const address = JSON.stringify(f.address ?? null);
  if (address !== h.address) {
    h.address = address;
    if (ctx.ws.setServerAddress(f.address)) ctx.generation++;
  }
  if (f.filesEpoch !== h.epoch) {
    h.epoch = f.filesEpoch;
    ctx.filesChanged();
  }
  for (const uri of job.closed) {
    if (h.docs.delete(uri)) h.ls.closeDocument(uri);
  }
  for (const d of job.docs) {
    h.docs.set(d.uri, d);
    ctx.sync(TextDocument.create(d.uri, d.languageId, 0, d.text));
  }
  return h;
}

function run(job: ServiceJob): unknown {
  const h = apply(job);
  const open = job.doc && h.docs.get(job.doc.uri);
  const doc = open && TextDocument.create(open.uri, open.languageId, job.doc!.version, open.text);
  if (job.kind === 'validate') {
    if (!doc) throw new Error(`${job.doc?.uri} is not open`);
    return h.ls.validate(doc, job.opts);
  }
  if (job.kind === 'effective') return h.ls.effective(job.effective ?? {});
  return h.ls.render(doc, job.params!);
}

const port = parentPort;
if (port) {
  renderWatch.onStart = (maxMs) => port.postMessage({ beat: maxMs } satisfies ServiceReply);
  let current: ServiceJob | undefined;
  renderWatch.cancelled = () => !!current && Atomics.load(current.cancel, 0) === current.id;
  port.on('message', (job: ServiceJob) => {
    let reply: ServiceReply;
    current = job;
    try {
      reply = { id: job.id, ok: true, value: run(job) };
    } catch (e) {
      reply =
        e instanceof RenderCancelled
          ? { id: job.id, ok: false, message: 'superseded', cancelled: true }
          : { id: job.id, ok: false, message: (e as Error)?.stack ?? String(e) };
    }
    current = undefined;
    port.postMessage(reply);
  });
  port.postMessage('ready' satisfies ServiceReply);
}
