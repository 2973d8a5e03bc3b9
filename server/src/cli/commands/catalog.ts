import { UsageError } from '../args';
import type { Command } from '../context';
import { formatCatalog } from '../../core/catalog/browse';
import { catalogVendors, getCatalog } from '../../core/catalog/catalogs';
import { workspaceCatalog, workspaceCatalogPath } from '../../core/catalog/workspace';

export const catalogCommand: Command = {
  summary: "browse a vendor's key catalog: type, range, default and description of each key",
  usage: 'catalog <vendor> [filter]',
  run({ args, io, workspace }) {
    const [vendor, filter] = args.positionals;
    if (!vendor) throw new UsageError(`name a vendor: ${catalogVendors().join(', ')}`);
    if (!getCatalog(vendor)) throw new UsageError(`no key catalog for '${vendor}'; vendors: ${catalogVendors().join(', ')}`);
    // the bundled catalog extended by the workspace's catalog/<vendor>.yaml, as check reads it
    const ws = workspaceCatalog(workspace.files, vendor);
    io.out(formatCatalog(ws.catalog!, filter));
    const sources = ws.catalog!.sources ?? [];
    if (ws.added.length) io.out(`${ws.added.length} of these keys from the workspace catalog ${workspaceCatalogPath(vendor)}\n`);
    for (const s of sources) {
      const n = ws.catalog!.keys.filter((k) => k.source === s.id).length;
      io.out(`${n} keys from ${s.title}${s.url ? ` <${s.url}>` : ''}\n`);
    }
    return 0;
  },
};
