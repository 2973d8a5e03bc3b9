// The "Provisioning Requests" output channel: dev-server requests and reprovision outcomes. No secrets.
import * as vscode from 'vscode';

export class RequestLog implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Provisioning Requests');

  line(text: string, time: Date = new Date()): void {
    this.channel.appendLine(`${time.toISOString().replace('T', ' ').replace(/\..*$/, '')}  ${text}`);
  }

  show(preserveFocus = true): void {
    this.channel.show(preserveFocus);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
