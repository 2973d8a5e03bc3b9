// Diagnostics of a 3CX template (`.ph.xml`): what the engine's check finds (envelope, body syntax,
// unknown variables, vendor keys of each rendered body through the source map), for the phones the
// template serves, else the bench phones one of its models names. See validation.ts.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceContext } from './context';
import { validate, type PhoneStrategy, type ValidationResult } from './validation';

export function validateThreeCx(ctx: ServiceContext, doc: TextDocument, strategy: PhoneStrategy): ValidationResult {
  return validate(ctx, doc, { phones: strategy });
}
