// Preview URIs: provisioning-preview:/<phone name>/<served file name>?<template uri>[#path=…&deviceconfig=…]
// The served file's extension (.cfg, .xml, .boot) gives the preview its highlighting. Multi-file (3CX)
// templates keep the file shown in the fragment: the path the phone requests and the <deviceconfig> index.
import * as vscode from 'vscode';
import type { FileChoice } from '../serverRequests';

export const PREVIEW_SCHEME = 'provisioning-preview';

export interface PreviewTarget {
  template: vscode.Uri;
  phone: string;
  fileName: string;
  /** Multi-file (3CX) templates: which of the phone's files the preview shows. */
  file?: FileChoice;
}

export function previewUri(t: PreviewTarget): vscode.Uri {
  const file = t.fileName.replace(/^.*\//, '').replace(/\.hbs$/, '') || 'preview.txt';
  const fragment = new URLSearchParams();
  if (t.file?.path) fragment.set('path', t.file.path);
  if (t.file?.deviceconfig !== undefined) fragment.set('deviceconfig', String(t.file.deviceconfig));
  return vscode.Uri.from({
    scheme: PREVIEW_SCHEME,
    path: `/${t.phone.replace(/\//g, '_')}/${file}`,
    query: t.template.toString(),
    fragment: fragment.toString(),
  });
}

export function parsePreviewUri(uri: vscode.Uri): PreviewTarget | undefined {
  if (uri.scheme !== PREVIEW_SCHEME || !uri.query) return undefined;
  const m = /^\/([^/]+)\/(.+)$/.exec(uri.path);
  if (!m) return undefined;
  const target: PreviewTarget = { template: vscode.Uri.parse(uri.query), phone: m[1], fileName: m[2] };
  if (uri.fragment) {
    const f = new URLSearchParams(uri.fragment);
    const dc = f.get('deviceconfig');
    target.file = { path: f.get('path') ?? undefined, deviceconfig: dc !== null && /^\d+$/.test(dc) ? Number(dc) : undefined };
  }
  return target;
}
