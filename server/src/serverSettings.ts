// The language server's settings per workspace folder, from the client's `provisioningStudio` section, and
// the dev server address the client reports: read defensively (a bad value is warned about and ignored).
import { BENCH_FILE, normaliseBenchFile } from './core/bench/parse';
import type { ServerAddress } from './core/context';
import { readProblemOverrides, type ProblemOverrides } from './core/problems/policy';

export interface ServerSettings {
  /** The bench file, workspace-relative (`provisioningStudio.benchFile`; default `bench.yaml`). */
  benchFile: string;
  /** Phone (name or MAC) for hover values, navigation and first output checks. */
  phone?: string;
  validation: {
    /** Delay after an edit before the first (fast) validation, ms. */
    delay: number;
    /** Idle time after which every bench phone is render-checked, ms. */
    fullDelay: number;
    /** Render every phone on the first pass too (slower on large benches). */
    allPhonesWhileTyping: boolean;
  };
  /** Severity per problem code (`provisioningStudio.problems`), applied over the bench file's `problems:` section. */
  problems?: ProblemOverrides;
}

/** The client's configuration section (`provisioningStudio.selectedPhone`, `provisioningStudio.validation.delay`, …). */
export const SETTINGS_SECTION = 'provisioningStudio';

export const DEFAULT_SETTINGS: ServerSettings = {
  benchFile: BENCH_FILE,
  // at once: the service thread cancels a check still running for an older version (node/serviceThread.ts)
  validation: { delay: 0, fullDelay: 1000, allPhonesWhileTyping: false },
};

/** The settings from the client's `provisioningStudio` section; `warn` hears about values that cannot be used. */
export function mergeSettings(raw: unknown, warn: (m: string) => void = () => {}): ServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<ServerSettings> & {
    selectedPhone?: string;
    validation?: Partial<ServerSettings['validation']>;
  };
  const v: Partial<ServerSettings['validation']> = r.validation ?? {};
  const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : d);
  let benchFile = BENCH_FILE;
  try {
    benchFile = normaliseBenchFile(typeof r.benchFile === 'string' ? r.benchFile : undefined);
  } catch (e) {
    warn(`provisioningStudio.benchFile: ${(e as Error).message}; using ${BENCH_FILE}`);
  }
  return {
    benchFile,
    phone:
      typeof r.selectedPhone === 'string' && r.selectedPhone
        ? r.selectedPhone
        : typeof r.phone === 'string' && r.phone
          ? r.phone
          : undefined,
    validation: {
      delay: num(v.delay, DEFAULT_SETTINGS.validation.delay),
      fullDelay: num(v.fullDelay, DEFAULT_SETTINGS.validation.fullDelay),
      allPhonesWhileTyping: v.allPhonesWhileTyping === true,
    },
    problems: readProblemOverrides((raw as { problems?: unknown } | undefined)?.problems, (m) => warn(`provisioningStudio.problems: ${m}`)),
  };
}

/** A dev server address from the client, keeping only well-formed fields (anything else: the bench decides). */
export function sanitizeAddress(raw: unknown): ServerAddress | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const a = raw as Record<string, unknown>;
  const out: ServerAddress = {};
  if (typeof a.host === 'string' && a.host && a.host.length < 256 && !/[\s/]/.test(a.host)) out.host = a.host;
  if (typeof a.port === 'number' && Number.isInteger(a.port) && a.port > 0 && a.port < 65536) out.port = a.port;
  if (a.scheme === 'http' || a.scheme === 'https') out.scheme = a.scheme;
  if (typeof a.url === 'string' && /^https?:\/\/[^\s]+$/i.test(a.url) && a.url.length < 2048) out.url = a.url;
  return Object.keys(out).length ? out : undefined;
}
