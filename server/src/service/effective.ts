// The effective configuration of a phone for the editor: every key's final value and which file and
// template line set it, in the vendor's boot order (core/effective.ts), secrets masked.
import { effectiveConfig, effectiveView } from '../core/effective';
import { effectiveText } from '../core/effectiveText';
import type { EffectiveParams, EffectiveResult } from '../protocol';
import type { ServiceContext } from './context';

export function effective(ctx: ServiceContext, params: EffectiveParams): EffectiveResult {
  const phones = ctx.bench().bench.phones;
  const query = params.phone ?? ctx.settings.phone;
  const phone = query ? ctx.ws.findPhone(query, phones) : phones[0];
  if (!phone) return { error: query ? `no bench phone '${query}'` : 'the bench has no phones' };
  const config = effectiveConfig(ctx.ws, phone);
  return { ...effectiveView(config, { key: params.key }), text: effectiveText(config, { key: params.key }) };
}
