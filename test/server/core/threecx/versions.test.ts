// Variables of 3CX v15–v20: each with the versions known to have it; "unknown" only when no version has it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTemplate } from '../../../../server/src/core/check';
import { renderThreeCx } from '../../../../server/src/core/threecx/dialect';
import { versionedVariable } from '../../../../server/src/core/threecx/versionedVariables';
import { BENCH, miniWorkspace, TEMPLATE, TPL } from './fixture';

test('queue, paging, key and FXS/DECT variables know their 3CX versions', () => {
  const versions = (n: string) => versionedVariable(n)?.versions;
  assert.deepEqual(versions('queuecrt3'), ['v16', 'v18', 'v20']);
  assert.deepEqual(versions('multicastrgip1'), ['v16', 'v18', 'v20']);
  // declared by the Fanvil (2020) and Grandstream GXP (V16.0 SP3) templates; 3CX's list is of v20
  assert.deepEqual(versions('multicastenabled'), ['v16', 'v18', 'v20']);
  assert.deepEqual(versions('multicastrgipport1'), ['v16', 'v18', 'v20']);
  assert.deepEqual(versions('langwebUI2'), ['v20']);
  assert.deepEqual(versions('codec4'), ['v15', 'v16', 'v18', 'v20']);
  assert.deepEqual(versions('local_spm_ip'), ['v15']);
  // FXS/DECT accounts, device password and time zone: the Grandstream DP75x template of 2018 (v16) has them too
  assert.deepEqual(versions('ext_auth_id_07'), ['v16', 'v18', 'v20']);
  assert.deepEqual(versions('DEVICE_PASSWORD'), ['v16', 'v18', 'v20']);
  assert.deepEqual(versions('timezone'), ['v16', 'v18', 'v20']);
  // the Yealink W52P template of 2015 already writes %%param::DIALCODEPROFILE%% and declares dstEnableDisable
  assert.deepEqual(versions('param::DIALCODEPROFILE'), ['v15', 'v16', 'v18', 'v20']);
  assert.deepEqual(versions('dstEnableDisable'), ['v15', 'v16', 'v18', 'v20']);
  assert.equal(versionedVariable('queuecrt'), undefined);
  assert.equal(versionedVariable('no_such_thing'), undefined);
});

test('check: versioned variables are known, a name no version has is unknown (with its nearest)', () => {
  const body = `%%queueringtone%% %%multicastrgname2%% %%ext_first_name_01%% %%vlanpcportpriority%%\n{IF queuecrt1}\nq = %%queueid%%\n{ENDIF}\nx = %%queueringtonn%%\n`;
  const ws = miniWorkspace({ [TPL]: TEMPLATE.replace('lang.gui = %%language%%', body) });
  const unknown = checkTemplate(ws, TPL).filter((p) => p.code === 'unknown-variable');
  assert.deepEqual(
    unknown.map((p) => p.message),
    ["unknown 3CX variable '%%queueringtonn%%': did you mean 'queueringtone'? (it renders empty)"],
  );
});

test('render: FXS/DECT account variables come from the phone lines; others from vars.threecx', () => {
  const body = `a1 = %%ext_01_enabled%% %%ext_int_num_01%% %%ext_auth_id_01%% %%ext_first_name_01%%/%%ext_last_name_01%%\na2 = %%ext_02_enabled%% [%%ext_int_num_02%%]\nq = %%queueid%%\n`;
  const ws = miniWorkspace({
    'bench.yaml': BENCH.replace(
      'vars: { template: 3cx/mini, options: { languages: German } }',
      'vars: { template: 3cx/mini, threecx: { queueid: "800" } }',
    ),
    [TPL]: TEMPLATE.replace('lang.gui = %%language%%', body),
  });
  const touch = ws.phones.find((p) => p.name === 'touch')!;
  const out = renderThreeCx(ws, TPL, touch, { deviceconfig: 1 }).text;
  assert.match(out, /^a1 = 1 107 107 Lab\/Touch$/m);
  assert.match(out, /^a2 = 0 \[\]$/m);
  assert.match(out, /^q = 800$/m);
});
