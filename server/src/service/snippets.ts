// Snippets for common template blocks, per vendor and host format.

export interface Snippet {
  label: string;
  detail: string;
  body: string;
}

const GENERIC: Snippet[] = [
  { label: 'each', detail: 'Loop over a list', body: '{{#each ${1:lines}}}\n$0\n{{/each}}' },
  { label: 'if', detail: 'Conditional block', body: '{{#if ${1:condition}}}\n$0\n{{/if}}' },
  { label: 'if-else', detail: 'Conditional block with else', body: '{{#if ${1:condition}}}\n$2\n{{else}}\n$0\n{{/if}}' },
  { label: 'with', detail: 'Change the context', body: '{{#with ${1:pbx}}}\n$0\n{{/with}}' },
];

const BY_VENDOR: Record<string, { cfg?: Snippet[]; xml?: Snippet[] }> = {
  yealink: {
    cfg: [
      {
        label: 'each line (accounts)',
        detail: 'One Yealink account per bench line',
        body: [
          '{{#each lines}}',
          'account.{{inc @index}}.enable = 1',
          'account.{{inc @index}}.label = {{default label display_name extension}}',
          'account.{{inc @index}}.display_name = {{default display_name extension}}',
          'account.{{inc @index}}.user_name = {{extension}}',
          'account.{{inc @index}}.auth_name = {{default auth_id extension}}',
          'account.{{inc @index}}.password = {{password}}',
          'account.{{inc @index}}.sip_server.1.address = {{@root.pbx.host}}',
          'account.{{inc @index}}.sip_server.1.port = {{@root.pbx.port}}',
          '{{/each}}',
          '$0',
        ].join('\n'),
      },
      {
        label: 'each BLF key',
        detail: 'Yealink line keys for the bench BLF keys',
        body: [
          '{{#each keys}}',
          '{{#if (eq type "blf")}}',
          'linekey.{{inc @index}}.type = 16',
          'linekey.{{inc @index}}.value = {{value}}',
          'linekey.{{inc @index}}.label = {{default label value}}',
          'linekey.{{inc @index}}.line = {{default line 1}}',
          '{{/if}}',
          '{{/each}}',
          '$0',
        ].join('\n'),
      },
      { label: 'header', detail: 'Yealink version header (first line)', body: '#!version:1.0.0.1\n$0' },
    ],
  },
  poly: {
    xml: [
      {
        label: 'each line (reg)',
        detail: 'One Poly registration per bench line',
        body: '{{#each lines}}\n  <reg reg.{{inc @index}}.address="{{extension}}" reg.{{inc @index}}.label="{{default label display_name extension}}" reg.{{inc @index}}.auth.userId="{{default auth_id extension}}" reg.{{inc @index}}.auth.password="{{password}}" reg.{{inc @index}}.server.1.address="{{@root.pbx.host}}"/>\n{{/each}}\n$0',
      },
      {
        label: 'each BLF key',
        detail: 'Poly attendant resources for the bench BLF keys',
        body: '{{#each keys}}\n{{#if (eq type "blf")}}\n  <attendant attendant.resourceList.{{inc @index}}.address="{{value}}" attendant.resourceList.{{inc @index}}.label="{{default label value}}" attendant.resourceList.{{inc @index}}.type="normal"/>\n{{/if}}\n{{/each}}\n$0',
      },
    ],
  },
  cisco: {
    xml: [
      {
        label: 'each line',
        detail: 'Cisco 3PCC line parameters per bench line',
        body: '{{#each lines}}\n  <Display_Name_{{inc @index}}_>{{default display_name extension}}</Display_Name_{{inc @index}}_>\n  <User_ID_{{inc @index}}_>{{extension}}</User_ID_{{inc @index}}_>\n  <Auth_ID_{{inc @index}}_>{{default auth_id extension}}</Auth_ID_{{inc @index}}_>\n  <Password_{{inc @index}}_>{{password}}</Password_{{inc @index}}_>\n  <Proxy_{{inc @index}}_>{{@root.pbx.host}}</Proxy_{{inc @index}}_>\n{{/each}}\n$0',
      },
    ],
  },
};

export function snippetsFor(vendor: string | undefined, xml: boolean): Snippet[] {
  const v = vendor ? BY_VENDOR[vendor] : undefined;
  return [...((xml ? v?.xml : v?.cfg) ?? []), ...GENERIC];
}
