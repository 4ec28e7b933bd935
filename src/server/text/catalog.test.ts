// Every constructor against the JSON Kratos emits (text/message_*.go; texts asserted by Kratos's own tests
// where they exist, e.g. "The verification flow expired 2.00 minutes ago, please try again.").
import { describe, expect, it } from 'vitest';
import * as t from './index';
import { withContext } from './testdata/context-messages';
import { simpleErrors } from './testdata/simple-errors';
import { simpleInfo } from './testdata/simple-messages';

const simple = [...simpleInfo, ...simpleErrors];

describe('message catalog', () => {
  it.each(simple)('case=%s', (_name, make, id, type, text) => {
    expect(JSON.stringify(make())).toBe(JSON.stringify({ id, text, type }));
  });

  it.each(withContext)('case=%s', (_name, actual, json) => {
    expect(JSON.stringify(actual)).toBe(json);
  });

  it('covers every id Kratos emits (kratos-api.md §b.4)', () => {
    const emitted = [
      1010001, 1010002, 1010003, 1010004, 1010005, 1010006, 1010007, 1010008, 1010009, 1010010, 1010011,
      1010012, 1010013, 1010014, 1010015, 1010016, 1010017, 1010018, 1010019, 1010021, 1010022, 1010023,
      1010024, 1010025, 1040001, 1040002, 1040003, 1040004, 1040005, 1040006, 1040007, 1040008, 1040009,
      1050001, 1050002, 1050003, 1050004, 1050005, 1050006, 1050007, 1050008, 1050009, 1050010, 1050011,
      1050012, 1050013, 1050014, 1050015, 1050016, 1050017, 1050018, 1050019, 1050020, 1050023, 1060001,
      1060002, 1060003, 1060004, 1060005, 1060006, 1060007, 1070001, 1070002, 1070003, 1070004, 1070005,
      1070006, 1070007, 1070008, 1070009, 1070010, 1070011, 1070012, 1070013, 1070014, 1070015, 1070016,
      1070017, 1070018, 1080001, 1080002, 1080003, 1080004, 1080005, 4000001, 4000002, 4000003, 4000004,
      4000005, 4000006, 4000007, 4000008, 4000009, 4000010, 4000011, 4000012, 4000013, 4000014, 4000015,
      4000016, 4000017, 4000018, 4000019, 4000020, 4000021, 4000022, 4000023, 4000024, 4000025, 4000026,
      4000027, 4000028, 4000029, 4000030, 4000031, 4000032, 4000033, 4000034, 4000035, 4000036, 4000037,
      4000038, 4000039, 4000040, 4000041, 4000042, 4000043, 4000044, 4000045, 4000046, 4010001, 4010002,
      4010003, 4010004, 4010005, 4010006, 4010007, 4010008, 4010009, 4010010, 4010011, 4040001, 4040002,
      4040003, 4050001, 4050002, 4060001, 4060002, 4060004, 4060005, 4060006, 4070001, 4070002, 4070003,
      4070005, 4070006, 5000001, 5000002, 5000003,
    ];
    const covered = new Set([...simple.map((s) => s[2]), ...withContext.map((c) => c[1].id)]);
    expect(emitted.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('picks the verification text by channel', () => {
    expect(t.verificationCodeSent('sms').id).toBe(1080004);
    expect(t.verificationCodeSent('email').id).toBe(1080003);
  });

  it('title-cases provider names like golang.org/x/text/cases', () => {
    expect(t.goTitleCase('github')).toBe('Github');
    expect(t.goTitleCase('GitHub')).toBe('Github');
    expect(t.goTitleCase('my-provider')).toBe('My-Provider');
    const hint = t.duplicateCredentialsWithHints(['{available_credential_types_list}'], ['{x_list}'], '');
    expect(hint.text).toBe(
      'You tried signing in with an email, phone, or username which is already in use by another account. You can sign in using {available_credential_types_list}. You can sign in using one of the following social sign in providers: {x_list}.',
    );
  });

  it('writes nil credential lists as null like Go', () => {
    expect(JSON.stringify(t.duplicateCredentialsWithHints(null, null, 'x').context)).toBe(
      '{"available_credential_types":null,"available_oidc_providers":null,"credential_identifier_hint":"x"}',
    );
  });
});
