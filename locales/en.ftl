# Indsigt — English. Keep it short and plain. Explain legal terms.
# Every message is also in da.ftl with the same variables (a test checks it).

## Months (short)
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

## check-config
config-origin-default = the built-in defaults (config/default.toml)
config-origin-env = environment variable { $var }
config-type-string = a string
config-type-integer = an integer
config-type-float = a decimal number
config-type-boolean = true or false
config-type-datetime = a date
config-type-array = a list
config-type-table = a section
config-error-unreadable = { $file }: The file cannot be read. The error is: { $reason }
config-error-syntax = { $file }, line { $line }, column { $column }: The file is not valid TOML. The error is: { $message }
config-error-unknown-section = { $origin }: There is no section [{ $section }].
config-allowed-sections = Allowed sections: { $allowed }.
config-error-unknown-key = { $origin }: There is no key `{ $key }`.
config-allowed-keys = Allowed keys: { $allowed }.
config-did-you-mean = Did you mean `{ $suggestion }`?
config-error-wrong-type = { $origin }: `{ $key }` must be { $expected }. It is { $found }: { $value }.
config-error-not-allowed = { $origin }: `{ $key }` cannot be { $value }. Allowed: { $allowed }.
config-error-out-of-range = { $origin }: `{ $key }` = { $value } is out of range. Allowed: { $min } to { $max }.
config-error-empty = { $origin }: `{ $key }` must not be empty.
config-error-url-not-https = { $origin }: `{ $key }` = "{ $value }" must start with https://. Only localhost may use http://.
config-error-url-malformed = { $origin }: `{ $key }` = "{ $value }" is not a valid address. Write e.g. https://kommune.dk.
config-error-pin-hash = { $origin }: `{ $key }` is not a valid PIN hash. It must look like $scheme$…$hash.
config-error-must-be-less = { $origin }: `{ $key }` ({ $value }) must be less than `{ $other_key }` ({ $other_value }).
config-error-required-when = { $origin }: `{ $key }` is missing. It is required when `{ $when_key }` is { $when_value }.
config-error-demo-auth-http = { $origin }: `auth.kind` = "demo" cannot be used with `source.kind` = "http". Demo sign-in only works with the local database. Use `auth.kind` = "device", or `source.kind` = "local".
config-error-invalid = The configuration cannot be read: { $message }
config-check-failed = { $count ->
    [one] The configuration has 1 problem.
   *[other] The configuration has { $count } problems.
}
config-ok = OK: { $file }. The configuration is valid.
config-summary-municipality = Municipality: { $name }
config-summary-kiosk = Kiosk: { $id }, { $location }. Language: { $language }. Locked: { $locked }.
config-summary-timeouts = Signs out after { $idle } seconds without use. Warns { $warning } seconds before. At most { $session } seconds per visit.
config-summary-source-local = Data: the local database { $path }
config-summary-source-http = Data: the server { $url }
config-summary-auth-demo = Sign-in: demo (for testing only)
config-summary-auth-device = Sign-in: MitID on the phone via { $issuer }
cli-not-available = The command { $command } is not available in this version yet.
