import { UsageError } from '../args';
import type { Command } from '../context';
import { formatCatalog } from '../../core/catalog/browse';
import { catalogVendors, getCatalog } from '../../core/catalog/catalogs';

export const catalogCommand: Command = {
  summary: "browse a vendor's key catalog: type, range, default and description of each key",
  usage: 'catalog <vendor> [filter]',
  run({ args, io }) {
    const [vendor, filter] = args.positionals;
    if (!vendor) throw new UsageError(`name a vendor: ${catalogVendors().join(', ')}`);
    const catalog = getCatalog(vendor);
    if (!catalog) throw new UsageError(`no key catalog for '${vendor}'; vendors: ${catalogVendors().join(', ')}`);
    io.out(formatCatalog(catalog, filter));
    return 0;
  },
};
