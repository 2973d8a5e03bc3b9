// Preview URIs: provisioning-preview:/<phone name>/<served file name>?<template uri>
// The served file's extension (.cfg, .xml, .boot) gives the preview its highlighting.
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'provisioning-preview';

export interface PreviewTarget {
  template: vscode.Uri;
  phone: string;
  fileName: string;
}

export function previewUri(t: PreviewTarget): vscode.Uri {
  const file = t.fileName.replace(/^.*\//, '').replace(/\.hbs$/, '') || 'preview.txt';
  return vscode.Uri.from({
    scheme: PREVIEW_SCHEME,
    path: `/${t.phone.replace(/\//g, '_')}/${file}`,
    query: t.template.toString(),
  });
}

export function parsePreviewUri(uri: vscode.Uri): PreviewTarget | undefined {
  if (uri.scheme !== PREVIEW_SCHEME || !uri.query) return undefined;
  const m = /^\/([^/]+)\/(.+)$/.exec(uri.path);
  if (!m) return undefined;
  return { template: vscode.Uri.parse(uri.query), phone: m[1], fileName: m[2] };
}
