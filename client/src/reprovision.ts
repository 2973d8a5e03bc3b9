// Reprovision Phone / All: the vendor's SIP NOTIFY through server/src/sip (shared with the CLI `notify`),
// concurrent with progress for All; outcomes in the request log.
import * as vscode from 'vscode';
import { formatOutcome, reprovision, type ReprovisionOptions, type ReprovisionOutcome } from '../../server/src/sip/reprovision';
import { openBench, type Phone } from './benchModel';
import { benchFolder } from './config';
import type { DevServerController } from './devserver/controller';
import { pickPhone } from './phonePicker';
import type { RequestLog } from './requestLog';
import type { Server } from './serverRequests';

function logOutcome(log: RequestLog, o: ReprovisionOutcome): void {
  log.line(`NOTIFY ${formatOutcome(o)}`);
}

export class Reprovisioner {
  constructor(
    private readonly server: Server,
    private readonly log: RequestLog,
    private readonly dev: DevServerController,
  ) {}

  /**
   * Bench phones (serving bench) of a workspace folder (`folder`, else as benchFolder() decides) and the
   * options the CLI `notify` uses too (3CX templates' own events).
   */
  private async plan(
    folder?: vscode.Uri,
  ): Promise<{ phones: Phone[]; find: (q: string) => Phone | undefined; options: ReprovisionOptions }> {
    const b = await openBench(folder);
    if (!b) return { phones: [], find: () => undefined, options: {} };
    const scope = b.folder.uri;
    const ws = b.workspace;
    const phones = ws.servingBench().parsed.bench.phones;
    return {
      phones,
      find: (q) => ws.findPhone(q, phones),
      options: {
        lastSeenIp: (p: Phone) => this.dev.lastSeenIp(p.mac, scope),
        event: (p: Phone, reboot: boolean) => ws.notifyEventFor(p, reboot),
      },
    };
  }

  /** Reprovisions one phone of `folder`'s bench (else the folder benchFolder() decides). */
  async phone(query?: string, folder?: vscode.Uri): Promise<ReprovisionOutcome | undefined> {
    folder ??= query ? undefined : (await benchFolder({ title: 'Reprovision Phone: which workspace folder?' }))?.uri;
    query ??= (await pickPhone(this.server, { title: 'Reprovision Phone', folder }))?.name;
    if (!query) return undefined;
    const { find, options } = await this.plan(folder);
    const phone = find(query);
    if (!phone) {
      void vscode.window.showErrorMessage(`Provisioning Studio: no bench phone '${query}'.`);
      return undefined;
    }
    const [o] = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reprovisioning ${phone.name}…` },
      () => reprovision([phone], options, (x) => logOutcome(this.log, x)),
    );
    const msg = `${phone.name}: ${o.result.message}`;
    if (o.result.status === 'accepted') void vscode.window.showInformationMessage(msg);
    else void vscode.window.showWarningMessage(msg, 'Show Request Log').then((a) => a && this.log.show());
    return o;
  }

  /** Reprovisions every phone of `folder`'s bench (else the folder benchFolder() decides). */
  async all(folder?: vscode.Uri): Promise<ReprovisionOutcome[]> {
    const { phones, options } = await this.plan(folder);
    if (!phones.length) {
      void vscode.window.showWarningMessage('Provisioning Studio: the bench has no phones.');
      return [];
    }
    const outcomes = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reprovisioning ${phones.length} phones`, cancellable: false },
      (progress) =>
        reprovision(phones, options, (o) => {
          logOutcome(this.log, o);
          progress.report({ increment: 100 / phones.length, message: `${o.phone.name}: ${o.result.status}` });
        }),
    );
    const ok = outcomes.filter((o) => o.result.status === 'accepted').length;
    const msg = `Reprovision All: ${ok} of ${phones.length} phones accepted the NOTIFY.`;
    if (ok === phones.length) void vscode.window.showInformationMessage(msg);
    else void vscode.window.showWarningMessage(msg, 'Show Request Log').then((a) => a && this.log.show());
    return outcomes;
  }
}
