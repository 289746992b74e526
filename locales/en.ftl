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
config-error-bad-pepper = { $origin }: `{ $key }`: { $problem }
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

## The kiosk: general
loading = Loading …
too-small = Please make the window bigger.
too-small-size = The screen must be at least { $width } characters wide and { $height } lines high.
error-title = Something went wrong
error-what-to-do = Press Esc to go back and try again. If it keeps happening, ask a member of staff.
notice-continue = Press any key or tap the screen to continue.
badge-voluntary = Voluntary
badge-required = Required by law
lawfulness-voluntary-explain = You said yes. You can withdraw your yes.
lawfulness-required-explain = The law says the municipality must use this data.

## Errors from the data source
error-source-unreachable = We cannot reach the municipality's system right now.
error-source-timeout = The municipality's system is not answering. Please try again in a moment.
error-source-unauthorized = You are no longer signed in. Please sign in again.
error-source-unknown-citizen = We have no data about you.
error-source-not-found = We cannot find what you asked for.
error-source-malformed = The municipality's system sent an answer we cannot read.
error-source-server = There is a fault in the municipality's system.
error-source-storage = The kiosk's data store is not working.
error-source-unsupported = That cannot be done here at the kiosk.

## The program
app-error-store = The data store cannot be opened: { $detail }
app-error-sign-in = Sign-in cannot be set up: { $detail }
app-error-terminal = The terminal cannot be used: { $detail }

## Titles
title-attract = Indsigt
title-sign-in = Sign in
title-helper = Sign in
title-overview = Overview
title-data = Your data
title-purposes = Purposes
title-access-log = Who has looked at your data
title-access-filter = Filters
title-consents = Consents
title-decisions = Computer-assisted decisions
title-rights = Your rights
title-online = Continue online
title-help = Help

## Keys
key-page-up = PgUp
key-page-down = PgDn
key-home = Home
key-end = End
hint-pick = Choose
hint-up = Up
hint-down = Down
hint-page-up = Page up
hint-page-down = Page down
hint-home = First
hint-end = Last
hint-open = Open
hint-filter = Filters
hint-search = Search
hint-clear = Clear
hint-report = I don't recognise this
hint-withdraw = Withdraw
hint-back = Back
hint-online = Continue online
hint-help = Help
hint-language = Dansk
hint-sign-out = Sign out
hint-skip = Skip
hint-quit = Quit
help-intro = You can use these keys. You can also tap the screen directly.
help-pick = Choose the item with that number.
help-up = Go up one item.
help-down = Go down one item.
help-page-up = Go up ten items.
help-page-down = Go down ten items.
help-home = Go to the first item.
help-end = Go to the last item loaded.
help-open = Open the chosen item.
help-filter = Choose a period, area, organisation or action in the log.
help-search = Search for a word in the log.
help-clear = Remove all filters from the log.
help-report = Tell us if you don't recognise an entry. The municipality will look into it.
help-withdraw = Withdraw a consent.
help-back = Go back to the previous screen.
help-online = Show a QR code, so you can continue on your own phone or computer.
help-help = Show this help.
help-language = Switch between Danish and English. You stay where you are.
help-sign-out = Sign out. The kiosk forgets everything about you.
help-skip = On the question at sign-out: skip it and sign out.
help-quit = Quit the program (demo only).
help-touch = Tap an item to choose it. Tap a key at the bottom to use it.

## Welcome
attract-tagline = See what the municipality knows about you, why, and who has looked at it.
attract-choose-language = Vælg sprog · Choose language

## Sign in (demo)
sign-in-demo-heading = Choose a demo citizen
sign-in-demo-explain = This is a demo. Real citizens sign in with MitID on their own phone.
sign-in-no-citizens = There are no demo citizens in the data store.
helper-question = Is someone helping you today?
helper-why = We note it in your log, so you can see it yourself afterwards.
helper-privacy = We keep nothing about the person who helps you.
helper-no-one = No, I am on my own
helper-staff = Yes, a member of the municipality's staff
helper-volunteer = Yes, a volunteer

## Overview
overview-heading = Your overview
overview-greeting = Hello { $name }
overview-cpr = CPR number: { $cpr }
section-data = Your data
section-purposes = What we use it for
section-access-log = Who has looked at your data
section-consents = Your consents
section-decisions = Computer-assisted decisions
section-rights = Your rights
section-online = Continue online
overview-data-count = Information: { $categories } · Areas: { $areas }
overview-purposes-count = Purposes: { $count }
overview-access-count = Entries in the log: { $count }
overview-consents-count = Consents: { $count } · In force: { $active }
overview-decisions-count = Uses in your cases: { $count }
overview-rights-detail = What you can ask of the municipality
overview-online-detail = A QR code for your phone

## Your data
areas-heading = Your data
areas-explain = The municipality holds data about you in these areas. Choose an area.
areas-count = Information: { $count }
areas-none = The municipality holds no data about you.
categories-explain = Choose an item to see why the municipality has it.
categories-updated = Updated { $date }
categories-special = Sensitive information
category-values = What it says
category-masked = (hidden to protect your privacy)
category-special-explain = This is sensitive information. The law gives it extra protection.
category-purpose = Why the municipality has it
category-legal-basis = Legal basis
category-retention = How long it is kept
category-delete-on = Deleted on
category-no-delete-date = There is no deletion date. The law says it must be kept.
category-origin = Where it came from
category-recipients = Who it is shared with
category-no-recipients = It is not shared with anyone.
category-system = Which IT system
category-updated = Last updated
origin-citizen = From you
origin-cpr = From the CPR register
origin-authority = From another authority: { $name }

## Purposes
purposes-none = There are no purposes to show.
purpose-categories = This data is used
purpose-object = How to object

## Who has looked at your data
log-col-when = When · what
log-col-who = Who
log-col-what = Which data
log-col-why = Why
log-count = { $n ->
    [one] 1 entry, newest first
   *[other] { $count } entries, newest first
}
log-newest-first = Newest first
log-empty = No entries match. Press F to change the filters or C to remove them.
log-retry = Move up or down to try again.
log-batch = Batch run · records: { $records }
action-viewed = Viewed
action-created = Created
action-changed = Changed
action-disclosed = Disclosed
action-exported = Exported
action-viewed-explain = A member of staff looked at your data.
action-created-explain = A member of staff wrote new data about you.
action-changed-explain = A member of staff changed your data.
action-disclosed-explain = Your data was sent to another authority.
action-exported-explain = Your data was taken out of the system, for example to a file or a printout.
period-all = All
period-30-days = Last 30 days
period-12-months = Last 12 months
period-5-years = Last 5 years
filter-all = All
filter-period = Period
filter-area = Area
filter-organisation = Organisation
filter-action = Action
filter-search = Search
filter-no-search = no search word
filter-change = Tap to change
filter-search-detail = Tap to type a search word
filter-clear = Remove all filters
filter-show = Show the entries
filter-explain = Choose what the log shows. The list updates at once.
search-heading = Search the log
search-explain = Type a word, for example the name of a department or a case number.
search-keys = Enter searches. Esc cancels.
entry-who = Who
entry-organisation = Organisation
entry-unit = Department
entry-role = Role
entry-employee = Employee
entry-employee-hidden = The employee's name is not shown. You have a right to know when and why, but not who.
entry-what = Which data
entry-data = Data
entry-system = IT system
entry-batch = An IT system handled { $records } of your records in one batch run.
entry-why = Why
entry-case = Case number
entry-reference = Reference
entry-recognise = Don't recognise this?
entry-report-explain = Press R. The municipality will then find out who looked at your data and why.
entry-reported = You reported this on { $date }. Your reference is { $reference }.
entry-report-status = Status
report-status-received = Received
report-status-under_review = Being looked into
report-status-answered = Answered

## Confirm
confirm-report-heading = Do you want to report that you don't recognise this entry?
confirm-report-explain = The municipality's data protection officer is told. The officer checks whether the entry was in order.
confirm-report-yes = Yes, report it
confirm-no = No, go back
confirm-withdraw-heading = Do you want to withdraw your consent?
confirm-withdraw-scope = Consent: { $scope }
confirm-withdraw-explain = The municipality may then no longer use your data for this. What has already happened is not undone.
confirm-withdraw-yes = Yes, withdraw it
report-filed-title = Thank you. We have your report
report-filed-reference = Your reference is { $reference }.
report-filed-next = The municipality's data protection officer will look into the entry, within 30 days. The answer will be under "Your requests".
report-filed-date = Reported on { $date }.
withdrawn-title = Your consent is withdrawn
withdrawn-done = The municipality has registered it.
withdrawn-pending = We have saved your request. It will be sent as soon as the kiosk can reach the municipality.
withdrawn-next = The municipality no longer uses your data for this purpose. The system that holds it has been told. You can follow it under "Your requests".

## Consents
consents-none = You have not given any consents.
consent-active = In force
consent-pending = Withdrawal sent
consent-withdrawn-on = Withdrawn on { $date }
consent-recipient = Recipient
consent-purpose = Purpose
consent-given = Given on
consent-status = Status
consent-how-to-withdraw = Press W or Enter to withdraw the consent.
consent-pending-explain = Your withdrawal is on its way to the municipality.
consent-withdrawn-explain = This consent is no longer in force.

## Computer-assisted decisions
decisions-heading = When a computer helps the caseworker
decisions-explain = The municipality uses some IT tools in cases. A person always makes the decision. Here you can see how.
decisions-none = The municipality has not used such tools in your cases.
decisions-used-on = Used on { $date }
decision-used-on = Used on
decision-purpose = What the tool is for
decision-inputs = Which of your data it used
decision-helps = How it helps the caseworker
decision-human = A person decides
decision-result = The result for you
decision-factors = What mattered
decision-object = How to object

## Your rights
rights-intro = The General Data Protection Regulation (GDPR) gives you these rights. They are free to use.
right-access = Right of access
right-access-explain = You may see the data the municipality holds about you. You may also be told why it has it and who has received it.
right-rectification = Right to have mistakes corrected
right-rectification-explain = If something is wrong, the municipality must correct it.
right-erasure = Right to be deleted
right-erasure-explain = You can ask to have data deleted. The municipality may not delete data the law says it must keep.
right-restriction = Right to restriction
right-restriction-explain = You can ask the municipality to pause using your data while a mistake is looked into.
right-objection = Right to object
right-objection-explain = You can say no to the municipality using your data for something the law does not require.
right-complaint = Right to complain
right-complaint-explain = If you are unhappy with how the municipality uses your data, you can complain to Datatilsynet, the Danish Data Protection Agency.
rights-dpo = The municipality's data protection officer
rights-dpo-contact = Write or call: { $contact }
rights-datatilsynet = Datatilsynet (the Danish Data Protection Agency)
rights-datatilsynet-contact = Carl Jacobsens Vej 35, 2500 Valby. Phone +45 33 19 32 00. dt@datatilsynet.dk · datatilsynet.dk

## Continue online
online-heading = Continue on your own phone
online-explain = Scan the QR code with your phone's camera. You will reach the same place on the municipality's website. You will sign in again there.
online-or-type = Or type the address:
online-privacy = The code holds no information about you.
online-qr-failed = The QR code could not be made. Type the address instead.
online-too-small = The screen is too small for the QR code. Type the address instead.

## Data store and demo data
error-store-not-sqlite = { $path } is not an SQLite database. The file has not been changed.
error-store-newer-schema = The database was made by a newer version of Indsigt (schema version { $found }). This version reads up to version { $supported }. The file has not been changed.
error-store-io = The file cannot be read or written: { $detail }
error-store-sqlite = The database answered with an error: { $detail }
error-store-unknown-citizen = The citizen is not in the data store.
error-store-not-found = It does not exist.
error-store-forbidden = That is not allowed.
error-store-corrupt = The database holds an invalid value: { $detail }
error-demo-citizens-range = --citizens must be between { $min } and { $max }. You gave { $got }.
error-demo-heavy-events-range = --heavy-events may be at most { $max }. You gave { $got }.
error-demo-events-per-citizen-range = --events-per-citizen may be at most { $max }. You gave { $got }.
error-demo-too-many-events = That makes { $total } entries in all. At most { $max } are allowed.
error-demo-out-exists = { $path } already exists. Choose another path, or use --force to overwrite it.
error-demo-out-unwritable = Cannot write { $path }: { $detail }. No file was left behind.
demo-data-written = Wrote { $path }: { $citizens } citizens, { $categories } kinds of information, { $events } entries ({ $deferred } deferred), { $consents } consents, { $decisions } computer-assisted decisions. The citizen with the big log: { $heavy }.

## Scrolling
hint-scroll-up = Scroll up
hint-scroll-down = Scroll
help-scroll-up = Scroll the text up.
help-scroll-down = Scroll the text down.
help-scroll-page-up = Scroll up one page.
help-scroll-page-down = Scroll down one page.

## Purposes
purposes-heading = What the municipality uses your data for
purposes-explain = Choose a purpose to see the legal basis and how to object.


## Safety and privacy
title-operator = Operator
hint-contrast = Contrast
hint-hide = Hide
hint-reveal = Show hidden
hint-operator = Operator
help-contrast = Turn strong contrast on or off. The text gets easier to read.
help-hide = Hide the screen at once, for example if someone is looking.
help-reveal = Show a hidden value. Press again for the next one. It is hidden again when you move on.
help-operator = Staff only: leave the kiosk with a PIN.
category-revealed = (shown now)
category-reveal-how = Sensitive values are hidden. Press V to show them one at a time.
blind-hidden = The screen is hidden. Press H to show it again.
blind-confirm = Do you want to show the screen again?
blind-show = Yes, show the screen
blind-keep = No, keep it hidden
warning-idle-title = Are you still there?
warning-idle-ends = You will be signed out in { $seconds } seconds, because nothing has happened.
warning-idle-continue = Press any key or tap the screen to continue.
warning-cap-title = Time is nearly up
warning-cap-ends = You will be signed out in { $seconds } seconds. For safety, a visit lasts at most 20 minutes.
warning-cap-continue = You can sign in again afterwards. Press any key to close this message.
operator-heading = Leave the kiosk
operator-explain = Staff only. Type the PIN and press Enter.
operator-pin = PIN
operator-checking = Checking …
operator-wrong = Wrong PIN.
operator-wait = Wrong PIN. Wait { $seconds } seconds before you try again.
operator-keys = Enter checks. Esc goes back.
app-crashed = The kiosk ran into a fault. It starts afresh, and nothing about you is kept.
cli-bad-pin = The PIN must be 4 to 12 digits. Give it on standard input.

## Sign in on the phone (MitID)
device-heading = Sign in with MitID on your own phone
device-step-scan = 1. Scan the QR code with your phone's camera.
device-step-compare = 2. Check that your phone shows this code:
device-code-text = The code is { $code }.
device-step-approve = 3. Sign in with MitID and approve. You type nothing here.
device-or-open = No phone with a camera? Open the address and type the code:
device-expires = The code expires in { $time }.
device-cancel = Press Esc to go back.
device-qr-too-small = The screen is too small for the QR code. Use the address and the code below.
device-starting = Getting a code …
device-denied = You said no on your phone
device-expired = The code has expired
device-again = Press Enter to try again, or Esc to go back.
auth-error-unreachable = We cannot reach the MitID sign-in right now. Please try again in a moment.
auth-error-no-device-endpoint = The municipality's sign-in does not support signing in on a phone. Please ask staff.
auth-error-malformed = The municipality's sign-in sent an answer we cannot read. Please ask staff.
auth-error-refused = The municipality's sign-in refused the kiosk. Please ask staff.

## The HTTP data source
app-error-http-source = The connection to the municipality's system could not be set up: { $detail }

## indsigt serve
config-error-bad-ingest-key = { $origin }: item { $index } of `{ $key }` must have system (a name) and key_sha256 (64 hex digits), and may have webhook_url (https) and webhook_secret_file, both or neither. Nothing else.
serve-missing-key = `indsigt serve` needs `{ $key }` in the configuration.
serve-bad-listen = `{ $value }` is not an address to listen on (host:port).
serve-cannot-listen = Cannot listen on { $addr }: { $detail }
serve-tls = The TLS certificate or key cannot be used: { $detail }
serve-store = The database cannot be opened: { $detail }
serve-listening = Listening on { $addr } ({ $scheme }).
serve-failed = The server stopped with an error: { $detail }
report-queued-title = Your report is saved
report-queued = The kiosk cannot reach the municipality right now. Your report is saved and will be sent as soon as it can. You will get a reference number in your digital post.
report-status-queued = Saved on the kiosk, sent soon

# citizen key (lead)
error-pepper-missing = The file with the citizen key's secret does not exist: { $path }. Create it, or correct the path in the configuration.
error-pepper-unreadable = The file with the citizen key's secret cannot be read: { $path } ({ $detail }).
error-pepper-too-short = The secret in { $path } is too short: { $got } bytes. It must be at least { $min } bytes.

# kiosk (helper B)
hint-retry = Try again
help-retry = Load your overview again if it could not be loaded.
help-interrupt = Quit the program at once (not on a locked kiosk).
hint-blind-ask = Show screen
hint-blind-show = Yes
hint-blind-keep = No
help-blind-ask = While the screen is hidden: ask to show it again.
help-blind-show = Show the hidden screen again, when you are asked.
help-blind-keep = Keep the screen hidden, when you are asked.
overview-failed-retry = Press R to try again. You can also open an item below.
overview-not-loaded = Not loaded
entry-actor-self = This was you: you looked at your own data at a kiosk.
entry-actor-by-custody = { $name } looked at your data at a kiosk. { $name } has custody of you.
entry-actor-by-power-of-attorney = { $name } looked at your data at a kiosk. You gave { $name } power of attorney.
entry-actor-for-custody = You looked at { $name }'s data at a kiosk. You have custody.
entry-actor-for-power-of-attorney = You looked at { $name }'s data at a kiosk, with their power of attorney.

# catalogue (helper C)
catalogue-at = { $file }, line { $line }:
catalogue-allowed-kinds = Allowed kinds: { $allowed }.
catalogue-kind-area = area
catalogue-kind-system = system
catalogue-kind-legal-basis = legal basis
catalogue-kind-purpose = purpose
catalogue-kind-category = data category
catalogue-kind-consent-type = consent type
catalogue-kind-decision-tool = decision-support tool
catalogue-type-id = an id (lowercase letters a to z, digits and _, starting with a letter)
catalogue-type-text = a text in Danish and English (da and en)
catalogue-type-text-list = a list of texts in Danish and English
catalogue-type-ref = the id of an entry
catalogue-type-ref-list = a list of ids
catalogue-type-table-list = a list of tables, written [[…]]
catalogue-error-unreadable = { $file }: The file or folder cannot be read. The error is: { $reason }
catalogue-error-no-files = { $dir }: There are no .toml files in the folder.
catalogue-error-syntax = { $file }, line { $line }, column { $column }: The file is not valid TOML. The error is: { $message }
catalogue-error-invalid = { $file }: The catalogue cannot be read: { $message }
catalogue-error-unknown-kind = There is no kind of entry [[{ $key }]].
catalogue-error-unknown-key = There is no key `{ $key }`.
catalogue-error-missing = `{ $key }` is missing.
catalogue-error-empty = `{ $key }` must not be empty.
catalogue-error-wrong-type = `{ $key }` must be { $expected }. It is { $found }: { $value }.
catalogue-error-not-allowed = `{ $key }` cannot be { $value }. Allowed: { $allowed }.
catalogue-error-out-of-range = `{ $key }` = { $value } is out of range. Allowed: { $min } to { $max }.
catalogue-error-bad-id = `{ $key }` = "{ $value }" is not a valid id. Use lowercase letters a to z, digits and _, and start with a letter.
catalogue-error-duplicate = `{ $key }` = "{ $id }" is used twice. It is also used in { $first_file }, line { $first_line }.
catalogue-error-unknown-ref = `{ $key }` = "{ $id }": There is no { $kind } with this id.
catalogue-error-retention-rule = `{ $key }` must have either years and after (and maybe end_of_year), or only as_long_as_law_requires = true.
catalogue-check-failed = { $count ->
    [one] The catalogue has 1 problem.
   *[other] The catalogue has { $count } problems.
}
catalogue-ok = OK: { $dir }. The catalogue is valid.
catalogue-summary = Areas: { $areas }. Systems: { $systems }. Legal bases: { $legal_bases }. Purposes: { $purposes }. Data categories: { $categories } (with { $fields } fields). Consent types: { $consent_types }. Decision-support tools: { $decision_tools }.
catalogue-imported = Imported { $dir } into { $database } as catalogue version { $version }.
catalogue-import-still-in-use = The catalogue was not imported. It leaves out entries that citizens still have data in. Nothing was changed. Put them back, or delete the citizens' data first:
catalogue-import-in-use-item = - { $kind } "{ $id }": { $citizens ->
    [one] 1 citizen
   *[other] { $citizens } citizens
}

# server (helper A)
config-error-bad-kiosk-key = { $origin }: item { $index } of `{ $key }` must have exactly three keys: id, location and key_sha256 (64 hex digits). No two kiosks may share an id or a key.
serve-issuer-mismatch = The issuer calls itself { $found } in its discovery document, but server.issuer is { $configured }. They must be exactly the same. Correct server.issuer.

## Ingest of holdings, consents and decision-support uses: why a record was refused (for the sending system's operator).
ingest-rejected-invalid = The record is not valid: { $what }.
ingest-rejected-malformed-cpr = The CPR number must be ten digits, written ddmmyy-nnnn or ddmmyynnnn.
ingest-rejected-unknown-category = The catalogue has no category { $what }.
ingest-rejected-unknown-consent-type = The catalogue has no consent type { $what }.
ingest-rejected-unknown-tool = The catalogue has no decision-support tool { $what }.
ingest-rejected-undeclared-field = The catalogue does not declare the field { $what }.
ingest-rejected-too-long = { $what } is too long.
ingest-rejected-wrong-system = In the catalogue, { $what } belongs to another system.
ingest-rejected-bad-time = { $what } is not a valid time or date.
ingest-rejected-unknown-system = The catalogue has no such system.
ingest-rejected-no-catalogue = No catalogue has been imported yet.
ingest-rejected-foreign-record = Another system already sent a record with this record_id.
ingest-no-pepper = indsigt ingest needs `server.pepper_file` in the configuration: the file with the citizen key's secret.
ingest-unknown-kind = Unknown kind: { $kind }. Allowed: holdings, consents, decisions, access-events.
ingest-file-unreadable = Cannot read { $path } ({ $detail }).
ingest-read-failed = Reading the file failed at line { $line }. Run the command again to go on from the last saved line.
ingest-resumed = Went on after line { $line }, where the last run stopped.
ingest-summary = { $file }: { $accepted } accepted, { $duplicates } duplicates (no change), { $rejected } rejected.
ingest-line-rejected = Line { $line }: { $reason } ({ $code })
ingest-line-not-json = The line is not a JSON object.
ingest-line-too-long = The line is too long.
ingest-more-rejected = … and { $more } more rejected lines.
overview-coverage = Data from { $count ->
    [one] 1 system
   *[other] { $count } systems
}, last updated { $date }.
overview-coverage-stale = Not updated since { $date }: { $systems }.
overview-coverage-more = and { $count } more
overview-coverage-never = No data yet from: { $systems }.

# feedback (helper E)
title-feedback = Goodbye
feedback-question = Was this understandable?
feedback-why = Your answer helps us make Indsigt easier to use.
feedback-privacy = We only keep the answer, the day and the pages you saw. Not who you are.
feedback-mostly = Yes, most of it
feedback-partly = Some of it
feedback-hard = No, it was hard
feedback-skip = Skip
feedback-report-heading = Answers to "Was this understandable?" in the last { $weeks ->
    [one] week
   *[other] { $weeks } weeks
}.
feedback-report-none = There are no answers in the last { $weeks ->
    [one] week
   *[other] { $weeks } weeks
}.
feedback-report-group = Week { $week }, kiosk { $kiosk }: { $total ->
    [one] 1 answer
   *[other] { $total } answers
}
feedback-report-line = { $answer }: { $percent }% ({ $count })
feedback-report-bad-weeks = --weeks must be a number from 1 to { $max }. It is { $got }.
feedback-report-no-database = There is no database at { $path }. Check [source] path or [server] database.

## requests: "Your requests" (issue 12)
title-requests = Your requests
section-requests = Your requests
overview-requests-detail = Withdrawals and reports you have made
overview-requests-new = { $count ->
    [one] A new answer for you
   *[other] { $count } new answers for you
}
badge-new = New
requests-heading = Your requests
requests-explain = What you have asked the municipality for, and the answers. Choose one to read it all.
requests-none = You have not made any requests yet.
requests-item = { $kind } · { $date } · { $status }
request-kind-withdrawal = Consent withdrawn
request-kind-report = Report of a look-up
request-status-sent = Sent
request-status-under-review = Being looked into
request-status-answered = Answered
request-status-done = Done
request-status-refused = Not carried out
request-kind = What you asked for
request-reference = Reference
request-filed = Sent on
request-handled-by = Handled by
request-status = Status
request-updated = Last changed
request-answer = The answer
request-reason = Why it was not carried out
request-next = What happens now
request-next-withdrawal = The system that holds your consent has been told. It will stop using the data. You will see here when it is done.
request-next-report = The data protection officer has been told. They will look into who looked at your data and why. The answer will be here.
request-next-under-review = The data protection officer is looking into it. The answer will be here.

## demo: access events in `indsigt ingest` (why an event was refused, for the sending system's operator)
ingest-event-wrong-system = A system can only send access events with its own name in `system`.
ingest-event-unknown-action = The action must be viewed, created, changed, disclosed or exported.
ingest-event-not-configured = An access event with a CPR number needs `server.pepper_file`.
ingest-event-unknown-citizen = No citizen has this sign-in subject.
ingest-event-unknown-area = The catalogue has no such area.
ingest-event-unknown-purpose = The catalogue has no such purpose.

## requests: requests out to systems and the DPO, answers back (issue 12)
requests-lang-da = Danish
requests-lang-en = English
requests-status-sent = sent
requests-status-under-review = under review
requests-status-answered = answered
requests-status-done = done
requests-status-refused = refused
error-store-answer-lacks-language = The answer needs a text in { $lang }. The citizen wrote in that language.
error-store-answer-too-long = The answer is too long. It may be at most { $max } characters.
requests-config-key-hash = { $origin }: `{ $key }` must be a SHA-256 written as 64 hex digits.
requests-secret-unreadable = The webhook secret of { $system } cannot be read from { $path }: { $detail }
requests-secret-not-whsec = The webhook secret of { $system } in { $path } must be whsec_ followed by base64.
requests-secret-length = The webhook secret of { $system } in { $path } must be 24 to 64 bytes.
requests-reports-none = There are no reports.
requests-report-line = { $id }. { $reference }: { $status }. Filed { $filed } in { $lang }. About { $organisation } ({ $system }).
requests-report-entry = The entry: { $at }, { $organisation }, { $unit }, { $role }, system { $system }, case { $case }.
requests-report-no-answer = No answer yet.
requests-report-answer = Answer in { $lang }: { $text }
requests-report-now-under-review = Report { $reference } is now under review.
requests-report-now-answered = Report { $reference } is answered. The citizen sees the answer at the next sign-in.
requests-failed-none = No deliveries are failing.
requests-failed-line = { $reference } to { $system }: { $attempts } failed attempts. Last { $last }: { $outcome }. { $state }
requests-failed-retrying = Next try { $at }.
requests-failed-gave-up = Given up { $at }. The system can still fetch it.
requests-cli-no-database = There is no database at { $path }. Check [server] database.
requests-cli-unpaired = Give --lang and --text in pairs, for example --lang da --text "...".
requests-cli-nothing-to-do = Give an answer with --lang and --text, or use --under-review.
requests-cli-no-report = There is no report { $id }.
requests-cli-already-answered = The report is answered. It cannot go back to under review.

## fhir: FHIR AuditEvent ingest (POST /v1/ingest/fhir) and the catalogue's purpose codes
catalogue-kind-purpose-code = purpose code
catalogue-summary-purpose-codes = Purpose codes: { $purpose_codes }.
fhir-recorded = The AuditEvent is recorded in the citizen's access log.
fhir-duplicate = This AuditEvent was recorded before. Nothing changed.
fhir-not-json = The body is not JSON.
fhir-unsupported-media-type = Send the body as application/fhir+json or application/json.
fhir-too-large = The body is too large.
fhir-too-many-entries = A bundle can hold at most { $max } entries.
fhir-not-configured = The server cannot take FHIR yet: server.pepper_file is not set.
fhir-wrong-resource = This is { $found }, not { $wanted }.
fhir-not-batch = The bundle has type { $found }. Only type batch is taken.
fhir-invalid = The element does not fit FHIR R4: { $detail }.
fhir-no-id = The AuditEvent has no id. The id makes sure a repeat is not counted twice.
fhir-no-patient = The AuditEvent has no patient entity (entity.role 1, or a Patient in entity.what).
fhir-no-cpr = The patient entity has no identifier with the CPR system urn:oid:1.2.208.176.1.2.
fhir-malformed-cpr = The CPR number must be ten digits, as ddmmyy-nnnn or ddmmyynnnn.
fhir-no-requestor = No agent has requestor = true, so it is not known who looked.
fhir-no-purpose = The AuditEvent has no purpose: give purposeOfUse on the requesting agent, or purposeOfEvent.
fhir-unknown-purpose = The catalogue has no purpose for code { $code } in { $system }. Add a purpose_code to the catalogue.
fhir-unknown-action = It is not clear what was done. Give action C, R, U, D or E with a FHIR restful subtype.
fhir-bad-time = recorded must be a time with a time zone (RFC 3339).
fhir-too-long = The text is longer than { $max } bytes.
fhir-wrong-system = source.observer names another system than the one this API key belongs to.
fhir-unknown-system = The catalogue has no system for this API key.
fhir-no-category = The catalogue has no data category in this system, so the entry would have no area.
fhir-no-catalogue = No catalogue has been imported.

## PostgreSQL (issue 13)
error-store-postgres = PostgreSQL answered with an error: { $detail }
error-store-unavailable = The database does not answer right now. Try again in a moment.
error-pg-bad-url = server.postgres.url is not a PostgreSQL address: { $detail }
error-pg-password-in-url = server.postgres.url holds a password. Put it in password_file or in { $env } instead, so it never shows in the configuration.
error-pg-password-file = The password file { $path } cannot be read: { $detail }
error-pg-ca-file = The CA certificate for PostgreSQL cannot be used: { $detail }
error-pg-plain-over-network = server.postgres.tls = "disable" is allowed only on this machine (loopback or a socket), not for { $host }. Use tls = "require".
error-pg-unreachable = PostgreSQL does not answer at { $host }. Is it running, and is the address right?
error-pg-wrong-password = PostgreSQL refused the password for the user { $user }.
error-pg-no-database = PostgreSQL has no database called { $database }. Create it first (createdb).
error-pg-tls-refused = PostgreSQL at { $host } does not offer TLS. Turn on ssl in PostgreSQL, or use tls = "disable" on this machine only.
error-pg-bad-certificate = PostgreSQL's certificate was not accepted: { $detail }
error-pg-other = PostgreSQL: { $detail }
config-error-required-in = { $origin }: `{ $key }` is missing. `[{ $table }]` needs it.
config-summary-postgres = PostgreSQL answers (version { $version }).
error-pg-no-password = PostgreSQL asks for the password of the user { $user }, and none is set. Put it in password_file or in { $env }.

## The citizen's web pages (the portal), where the kiosk's QR code leads.
portal-skip = Skip to the content
portal-menu = Sections
portal-other-language = Dansk
portal-sign-in = Sign in with MitID
portal-sign-in-again = Sign in again
portal-sign-out = Sign out
portal-back = Back
portal-landing-title = See what the municipality knows about you
portal-landing-explain = Here you can see the data the municipality holds about you, what it is used for, and who has looked at it.
portal-landing-phone = You sign in with MitID. Nobody else can see your data here.
portal-landing-privacy = Signing in gives this page your name and CPR number from MitID. Nothing is saved on your phone.
portal-expired = You were signed out because you were away for a while. Sign in again to go back to the page.
portal-signin-failed-title = Sign-in did not work
portal-signin-failed = We could not sign you in. Nothing was saved.
portal-signin-failed-next = Try again. If it keeps failing, ask at the citizen service centre.
portal-signin-unreachable = MitID cannot be reached right now. Try again in a few minutes.
portal-signed-out-title = You are signed out
portal-signed-out = Your session is over. This page no longer shows any of your data. You can close it.
portal-off-title = The web pages are not set up
portal-off = The municipality has not set up these pages yet. Use a kiosk, or ask at the citizen service centre.
portal-not-found-title = Not found
portal-not-found = We could not find that page. It may have been removed.
portal-unavailable-title = Not available right now
portal-unavailable = The municipality's systems cannot be reached right now. Try again in a few minutes.
portal-error-title = Something went wrong
portal-error = Something went wrong on our side. Nothing was changed. Try again later.
portal-csrf-title = The form was too old
portal-csrf = Nothing was changed. Go back and try again.
portal-title-systems = Connected systems
portal-systems-detail = Which IT systems the data comes from
portal-systems-explain = These are the IT systems that send data to this overview. If a system has not sent data for a while, the data may be out of date.
portal-systems-none = No systems have sent data yet.
portal-system-last = Last sent data
portal-system-never = Never
portal-system-stale = Not updated for a while
portal-title-copy = A copy of your data
portal-copy-detail = Download everything on these pages
portal-copy-explain = You have a right to a copy of your data. It holds everything you can see on these pages.
portal-copy-phone = Keep the file somewhere safe. It holds your personal data.
portal-copy-html = A page you can print or save
portal-copy-json = A file for other programs (JSON)
portal-copy-note = The file format is described in the municipality's documentation for Indsigt.
portal-copy-html-title = Your data
portal-copy-made = Made on
portal-category-about = About this data
portal-plainly = In plain words
portal-reveal = Show
portal-consents-explain = If you withdraw a consent, the municipality stops using your data for that purpose.
portal-withdraw = Withdraw this consent
portal-requests-explain = What you have asked the municipality for, and the answers.
portal-log-explain = Every time a member of staff or an IT system looks at or changes your data, it is written down here.
portal-log-empty = No entries match. Change the filters or remove them.
portal-log-older-page = Older entries
portal-older = Show older entries
portal-filter-unread = Some of the filters could not be read. They were left out.
portal-from = From date
portal-to = To date
portal-when = When
portal-entry-title = One entry in the log
portal-report = I don't recognise this
portal-report-explain = If you don't recognise this, tell us. The data protection officer will find out who looked at your data and why.

## Read-aloud
hint-read-aloud = Read aloud
help-read-aloud = Read the screen aloud. Press any key to stop.
hint-speech-faster = Faster
help-speech-faster = Read aloud faster.
hint-speech-slower = Slower
help-speech-slower = Read aloud slower.
speech-title = Read-aloud
speech-unavailable = Read-aloud is not available on this kiosk.
speech-failed = Read-aloud did not work.
speech-goes-on = You can use the screen as before.
speech-headset = Your own data is read aloud only through a headset. Ask the staff for a kiosk with a headset.
speech-keys = Keys: { $keys }.

# Whose data: acting for someone else
title-choose-who = Whose data?
choose-who-question = Whose data do you want to see?
choose-who-why = You may also see data for others. Choose whose data you want to see now.
choose-who-myself = My own data
choose-who-myself-detail = What the municipality knows about you
choose-who-custody = Your child. You have custody.
choose-who-attorney-act = You have power of attorney. You may see and act.
choose-who-attorney-see = You have power of attorney. You may see, not act.
banner-acting-custody = You are looking at { $name }'s data. You have custody.
banner-acting-attorney-act = You are looking at { $name }'s data, with power of attorney to see and act.
banner-acting-attorney-see = You are looking at { $name }'s data, with power of attorney to see.
consent-withdraw-not-covered = Your power of attorney does not let you withdraw consents. The person can do it themself.
entry-report-not-covered = Your power of attorney does not let you report an entry. The person can do it themself.
online-own-data-only = On the website you see your own data. Other people's data you can see only here at the kiosk.
error-source-forbidden = You may not do that here. Ask a member of staff if you think this is a mistake.
entry-actor-assisted = A member of staff at Citizen Service opened this visit after checking your ID. Then you looked at your data.

# Sign-in with a member of staff
hint-staff-sign-in = No MitID on my phone
help-staff-sign-in = No MitID on your phone? A member of staff can sign in and open the visit for you.
hint-open-visit = Open the visit
help-open-visit = Opens the visit for the citizen with the CPR number typed.
device-no-mitid = No MitID on your phone? Ask a member of staff. Press S.
staff-device-heading = Sign-in for a member of staff
staff-device-step-scan = 1. The member of staff scans the QR code with their own phone.
staff-device-step-compare = 2. Check that the phone shows this code:
staff-device-step-approve = 3. Sign in with your staff account and approve.
title-staff-cpr = The citizen's CPR number
staff-cpr-heading = The citizen's CPR number
staff-cpr-check-id = First check the citizen's ID, for example a passport or driving licence.
staff-cpr-type = Then type the citizen's CPR number. The digits are not shown.
staff-cpr-opening = Opening the visit …
staff-cpr-keys = Press Enter to open the visit. Press Esc to stop.
staff-cpr-log = The citizen's log shows that a member of staff opened the visit. The municipality keeps who you are.
staff-cpr-incomplete = Type all 10 digits of the CPR number.
staff-refused-role = Your staff account may not open visits for citizens.
staff-refused-kiosk = This kiosk is not set up for sign-in with a member of staff.
staff-unknown-cpr = The municipality does not know this CPR number. Check it and type it again.
staff-failed = The visit could not be opened just now. Try again in a moment.
overview-data-about = Data about { $name }
