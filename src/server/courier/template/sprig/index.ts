// Sprig v3 functions available to Kratos templates (github.com/Masterminds/sprig/v3, the version
// Kratos pins). Kratos uses the hermetic map (sprig.HermeticTxtFuncMap) for custom templates, which
// removes: date, date_in_zone, date_modify, now, htmlDate, htmlDateInZone, dateInZone,
// dateModify, randAlphaNum, randAlpha, randAscii, randNumeric, randBytes, uuidv4, env,
// expandenv, getHostByName. Those are not implemented here.
//
// Implemented:
//   strings   abbrev abbrevboth trunc trim upper lower title untitle substr repeat trimall trimAll
//             trimSuffix trimPrefix nospace initials swapcase shuffle snakecase camelcase
//             kebabcase wrap wrapWith contains hasPrefix hasSuffix quote squote cat indent
//             nindent replace plural toString atoi seq split splitList splitn toStrings join
//             sortAlpha int int64
//   lists     list tuple append push prepend first last rest initial reverse uniq without has
//             compact slice concat chunk until untilStep
//   dicts     dict get set unset hasKey pluck keys values pick omit dig deepCopy
//   defaults  default empty coalesce all any ternary fromJson mustFromJson toJson mustToJson
//             toPrettyJson mustToPrettyJson toRawJson mustToRawJson
//   numbers   add1 add sub div mod mul max biggest min maxf minf float64 floor ceil round
//   encoding  b64enc b64dec b32enc b32dec sha1sum sha256sum sha512sum adler32sum
//   regex     regexMatch regexFindAll regexFind regexReplaceAll regexReplaceAllLiteral
//             regexSplit regexQuoteMeta and their must* variants
//   reflect   typeOf typeIs typeIsLike kindOf kindIs deepEqual
//   urls      urlParse urlJoin
//   flow      fail
//
// Not implemented (hermetic but heavy or rarely useful in emails; calling them is a parse
// error "function ... not defined", which Kratos would not give): the date helpers that remain
// hermetic (ago, duration, durationRound, toDate, mustToDate, unixEpoch, dateModify variants),
// decimal math (add1f addf subf divf mulf, toDecimal), semver, semverCompare, merge,
// mergeOverwrite and their must* forms, the must* list variants (mustAppend, mustFirst, ...),
// path helpers (base dir clean ext isAbs osBase ...), crypto (bcrypt htpasswd genPrivateKey
// derivePassword buildCustomCert genCA* genSelfSignedCert* genSignedCert* encryptAES decryptAES),
// randInt, hello.
//
// Deviations: Go map iteration is random, so Sprig's keys/values have no defined order; ours are
// sorted. Case conversion (snakecase, camelcase, kebabcase) splits words on ASCII/Unicode case
// and punctuation boundaries, which matches xstrings for ordinary identifiers and phrases.
// Regexes run on JS RegExp (u flag) after translating RE2's (?P<name>) and leading inline flags.

import type { FuncDef } from '../funcs';
import { ENCODING_FUNCS } from './encoding';
import { LIST_FUNCS } from './lists';
import { MISC_FUNCS } from './misc';
import { REGEX_FUNCS } from './regex';
import { STRING_FUNCS } from './strings';

export const SPRIG_HERMETIC: ReadonlyMap<string, FuncDef> = new Map<string, FuncDef>([
  ...STRING_FUNCS,
  ...LIST_FUNCS,
  ...MISC_FUNCS,
  ...ENCODING_FUNCS,
  ...REGEX_FUNCS,
]);
