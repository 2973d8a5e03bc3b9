import { UsageError, opt } from '../args';
import type { Command } from '../context';
import { formatOutcome, parseHostPort, rebootOverridden, rebootOverrideWarning, reprovision } from '../../sip/reprovision';
import { getProfile } from '../../core/vendors';

export const notifyCommand: Command = {
  summary: "reprovision phones now: send the vendor's SIP NOTIFY (resync, or reboot with --reboot)",
  usage: 'notify <mac|name>… | --all [--reboot] [--to <host[:port]>] [--transport udp|tcp] [--local <host[:port]>] [--t1 <ms>]',
  flags: ['all', 'reboot'],
  values: ['to', 'transport', 'local', 't1'],
  async run({ args, io, workspace: ws }) {
    const all = args.options.has('all');
    if (!all && !args.positionals.length) throw new UsageError('name at least one phone (MAC or name), or --all');
    if (all && args.positionals.length) throw new UsageError('give phones or --all, not both');
    const transport = opt(args, 'transport') ?? 'udp';
    if (transport !== 'udp' && transport !== 'tcp') throw new UsageError(`--transport must be udp or tcp, not '${transport}'`);
    const to = opt(args, 'to');
    if (to !== undefined && !parseHostPort(to, 5060)) throw new UsageError(`--to: '${to}' is not host[:port] (port 1 to 65535)`);
    const localArg = opt(args, 'local');
    const local = localArg ? parseHostPort(localArg, 0) : undefined;
    if (localArg && !local) throw new UsageError(`--local: '${localArg}' is not host[:port]`);
    const t1 = opt(args, 't1');
    if (t1 !== undefined && !(Number(t1) >= 10 && Number(t1) <= 10_000)) throw new UsageError('--t1 must be 10..10000 ms');
    const phones = all
      ? ws.phones
      : args.positionals.map((q) => {
          const p = ws.findPhone(q);
          if (!p) throw new UsageError(`no bench phone '${q}'`);
          return p;
        });
    if (!phones.length) {
      io.err('error: the bench has no phones');
      return 1;
    }
    // --reboot: a phone whose served files override the reboot event (Snom checksync_action) will only resync; say so
    if (args.options.has('reboot'))
      for (const p of phones) {
        const profile = getProfile(p.vendor);
        if (!profile?.notify.rebootOverride) continue;
        const texts = ws.routesFor(p).flatMap((r) => (r.template ? [ws.render(r.template, p, { route: r.route }).text] : []));
        const value = rebootOverridden(profile, texts);
        if (value !== undefined) io.err(`${rebootOverrideWarning(p, profile, value)}\n`);
      }
    // a phone served by a 3CX template gets the template's <resyncParams>/<rebootParams> event
    const event = (p: (typeof phones)[number], reboot: boolean) => ws.notifyEventFor(p, reboot);
    const outcomes = await reprovision(
      phones,
      { reboot: args.options.has('reboot'), to, transport, local, event, timers: t1 ? { t1: Number(t1) } : undefined },
      (o) => io.out(`${formatOutcome(o)}\n`),
    );
    const accepted = outcomes.filter((o) => o.result.status === 'accepted').length;
    if (phones.length > 1) io.out(`${accepted} of ${phones.length} phones accepted\n`);
    return accepted === phones.length ? 0 : 1;
  },
};
