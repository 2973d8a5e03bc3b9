// The selected phone: kept per workspace (workspaceState), defaulting to provisioningStudio.selectedPhone.
import * as vscode from 'vscode';
import { settings } from './config';

const KEY = 'provisioningStudio.selectedPhone';

export class PhoneSelection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  get phone(): string | undefined {
    return this.state.get<string>(KEY) || settings().selectedPhone || undefined;
  }

  async set(phone: string | undefined): Promise<void> {
    if (phone === this.phone) return;
    await this.state.update(KEY, phone);
    this.changed.fire(phone);
  }

  dispose(): void { this.changed.dispose(); }
}
