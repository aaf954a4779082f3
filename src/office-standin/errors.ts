// Errors of the stand-in Excel API, shaped like OfficeExtension.Error: a code, a message, debugInfo.errorLocation.
// Codes and messages are Excel's own (office.js ErrorCodes / resource strings), so host code that checks
// `error.code === 'ItemNotFound'` behaves the same against the stand-in and against Excel.

export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'ItemNotFound'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'ItemAlreadyExists'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidObjectPath'
  | 'RangeExceedsLimit'
  | 'InvalidSelection'
  | 'GeneralException';

const MESSAGES: Record<FakeErrorCode, string> = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The requested operation is invalid.',
  InvalidReference: 'This reference is not valid for the current operation.',
  AccessDenied:
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  ItemAlreadyExists: 'The resource already exists.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  GeneralException: 'An internal error has occurred.',
  // application-specific-api-error-handling.md, https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  InvalidSelection: 'The current selection is invalid for this operation.',
};

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation?: string; detail?: string };
  readonly traceMessages: string[] = [];

  constructor(code: FakeErrorCode, location?: string, detail?: string, property?: string) {
    const base = MESSAGES[code].replace('{0}', property ?? '');
    const message = detail ? `${base} (${detail})` : base;
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location, detail };
  }

  override toString(): string {
    return `${this.code}: ${this.message}${this.debugInfo.errorLocation ? ` [${this.debugInfo.errorLocation}]` : ''}`;
  }
}

export function propertyNotLoaded(entity: string, property: string): FakeOfficeError {
  return new FakeOfficeError('PropertyNotLoaded', `${entity}.${property}`, undefined, property);
}
