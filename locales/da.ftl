# Indsigt — dansk. Skriv kort og klart. Forklar fagord.
# Hver besked findes også i en.ftl med de samme variabler (en test tjekker det).

## Måneder (korte)
month-short-1 = jan.
month-short-2 = feb.
month-short-3 = mar.
month-short-4 = apr.
month-short-5 = maj
month-short-6 = jun.
month-short-7 = jul.
month-short-8 = aug.
month-short-9 = sep.
month-short-10 = okt.
month-short-11 = nov.
month-short-12 = dec.

## check-config
config-origin-default = den indbyggede standard (config/default.toml)
config-origin-env = miljøvariablen { $var }
config-type-string = tekst
config-type-integer = et heltal
config-type-float = et decimaltal
config-type-boolean = true eller false
config-type-datetime = en dato
config-type-array = en liste
config-type-table = en sektion
config-error-unreadable = { $file }: Filen kan ikke læses. Fejlen er: { $reason }
config-error-syntax = { $file }, linje { $line }, kolonne { $column }: Filen er ikke gyldig TOML. Fejlen er: { $message }
config-error-unknown-section = { $origin }: Sektionen [{ $section }] findes ikke.
config-allowed-sections = Tilladte sektioner: { $allowed }.
config-error-unknown-key = { $origin }: Nøglen `{ $key }` findes ikke.
config-allowed-keys = Tilladte nøgler: { $allowed }.
config-did-you-mean = Mente du `{ $suggestion }`?
config-error-wrong-type = { $origin }: `{ $key }` skal være { $expected }. Den er { $found }: { $value }.
config-error-not-allowed = { $origin }: `{ $key }` må ikke være { $value }. Tilladt: { $allowed }.
config-error-out-of-range = { $origin }: `{ $key }` = { $value } er uden for det tilladte. Tilladt: fra { $min } til { $max }.
config-error-empty = { $origin }: `{ $key }` må ikke være tom.
config-error-url-not-https = { $origin }: `{ $key }` = "{ $value }" skal starte med https://. Kun localhost må bruge http://.
config-error-url-malformed = { $origin }: `{ $key }` = "{ $value }" er ikke en gyldig adresse. Skriv fx https://kommune.dk.
config-error-pin-hash = { $origin }: `{ $key }` er ikke en gyldig PIN-hash. Den skal have formen $skema$…$hash.
config-error-must-be-less = { $origin }: `{ $key }` ({ $value }) skal være mindre end `{ $other_key }` ({ $other_value }).
config-error-required-when = { $origin }: `{ $key }` mangler. Den skal udfyldes, når `{ $when_key }` er { $when_value }.
config-error-bad-pepper = { $origin }: `{ $key }`: { $problem }
config-error-demo-auth-http = { $origin }: `auth.kind` = "demo" kan ikke bruges sammen med `source.kind` = "http". Demo-login virker kun med den lokale database. Brug `auth.kind` = "device", eller `source.kind` = "local".
config-error-invalid = Konfigurationen kan ikke læses: { $message }
config-check-failed = { $count ->
    [one] Konfigurationen har 1 fejl.
   *[other] Konfigurationen har { $count } fejl.
}
config-ok = OK: { $file }. Konfigurationen er i orden.
config-summary-municipality = Kommune: { $name }
config-summary-kiosk = Kiosk: { $id }, { $location }. Sprog: { $language }. Låst: { $locked }.
config-summary-timeouts = Logger ud efter { $idle } sekunder uden brug. Advarer { $warning } sekunder før. Højst { $session } sekunder pr. besøg.
config-summary-source-local = Data: den lokale database { $path }
config-summary-source-http = Data: serveren { $url }
config-summary-auth-demo = Login: demo (kun til afprøvning)
config-summary-auth-device = Login: MitID på telefonen via { $issuer }

## Kiosken: generelt
loading = Henter …
too-small = Gør vinduet større.
too-small-size = Skærmen skal være mindst { $width } tegn bred og { $height } linjer høj.
error-title = Det gik galt
error-what-to-do = Tryk Esc for at gå tilbage og prøv igen. Bliver det ved, så spørg en medarbejder.
notice-continue = Tryk på en tast eller på skærmen for at fortsætte.
badge-voluntary = Frivilligt
badge-required = Krævet efter loven
lawfulness-voluntary-explain = Du har sagt ja. Du kan trække dit ja tilbage.
lawfulness-required-explain = Loven siger, at kommunen skal bruge disse data.

## Fejl fra datakilden
error-source-unreachable = Vi kan ikke få forbindelse til kommunens system lige nu.
error-source-timeout = Kommunens system svarer ikke. Prøv igen om lidt.
error-source-unauthorized = Du er ikke logget ind længere. Log ind igen.
error-source-unknown-citizen = Vi har ingen data om dig.
error-source-not-found = Vi kan ikke finde det, du bad om.
error-source-malformed = Kommunens system sendte et svar, vi ikke kan læse.
error-source-server = Der er en fejl i kommunens system.
error-source-storage = Kioskens datalager virker ikke.
error-source-unsupported = Det kan man ikke her på kiosken.

## Programmet
app-error-store = Datalageret kan ikke åbnes: { $detail }
app-error-sign-in = Login kan ikke sættes op: { $detail }
app-error-terminal = Terminalen kan ikke bruges: { $detail }

## Overskrifter
title-attract = Indsigt
title-sign-in = Log ind
title-helper = Log ind
title-overview = Overblik
title-data = Dine data
title-purposes = Formål
title-access-log = Hvem har set dine data
title-access-filter = Filtre
title-consents = Samtykker
title-decisions = Computerstøttede afgørelser
title-rights = Dine rettigheder
title-online = Fortsæt online
title-help = Hjælp

## Taster
key-page-up = Side op
key-page-down = Side ned
key-home = Home
key-end = End
hint-pick = Vælg
hint-up = Op
hint-down = Ned
hint-page-up = Side op
hint-page-down = Side ned
hint-home = Første
hint-end = Sidste
hint-open = Åbn
hint-filter = Filtre
hint-search = Søg
hint-clear = Nulstil
hint-report = Jeg genkender det ikke
hint-withdraw = Træk tilbage
hint-back = Tilbage
hint-online = Fortsæt online
hint-help = Hjælp
hint-language = English
hint-sign-out = Log ud
hint-skip = Spring over
hint-quit = Afslut
help-intro = Du kan bruge tasterne her. Du kan også trykke direkte på skærmen.
help-pick = Vælg punktet med det tal.
help-up = Gå et punkt op.
help-down = Gå et punkt ned.
help-page-up = Gå ti punkter op.
help-page-down = Gå ti punkter ned.
help-home = Gå til det første punkt.
help-end = Gå til det sidste punkt, der er hentet.
help-open = Åbn det valgte punkt.
help-filter = Vælg periode, område, organisation eller handling i loggen.
help-search = Søg efter et ord i loggen.
help-clear = Fjern alle filtre i loggen.
help-report = Sig til, hvis du ikke genkender et opslag. Så undersøger kommunen det.
help-withdraw = Træk et samtykke tilbage.
help-back = Gå tilbage til den forrige skærm.
help-online = Vis en QR-kode, så du kan fortsætte på din egen telefon eller computer.
help-help = Vis denne hjælp.
help-language = Skift mellem dansk og engelsk. Du bliver på samme sted.
help-sign-out = Log ud. Kiosken glemmer alt om dig.
help-skip = Ved spørgsmålet, når du logger ud: spring det over og log ud.
help-quit = Afslut programmet (kun i demo).
help-touch = Tryk på et punkt for at vælge det. Tryk på en tast nederst for at bruge den.

## Velkomst
attract-tagline = Se hvad kommunen ved om dig, hvorfor, og hvem der har set det.
attract-choose-language = Vælg sprog · Choose language

## Log ind (demo)
sign-in-demo-heading = Vælg en demoborger
sign-in-demo-explain = Dette er en demo. Rigtige borgere logger ind med MitID på deres egen telefon.
sign-in-no-citizens = Der er ingen demoborgere i datalageret.
helper-question = Hjælper nogen dig i dag?
helper-why = Vi skriver det i din log, så du selv kan se det bagefter.
helper-privacy = Vi gemmer ikke noget om den, der hjælper dig.
helper-no-one = Nej, jeg klarer det selv
helper-staff = Ja, en medarbejder fra kommunen
helper-volunteer = Ja, en frivillig

## Overblik
overview-heading = Dit overblik
overview-greeting = Hej { $name }
overview-cpr = CPR-nummer: { $cpr }
section-data = Dine data
section-purposes = Hvad bruger vi dem til
section-access-log = Hvem har set dine data
section-consents = Dine samtykker
section-decisions = Computerstøttede afgørelser
section-rights = Dine rettigheder
section-online = Fortsæt online
overview-data-count = Oplysninger: { $categories } · Områder: { $areas }
overview-purposes-count = Formål: { $count }
overview-access-count = Opslag i loggen: { $count }
overview-consents-count = Samtykker: { $count } · Gælder nu: { $active }
overview-decisions-count = Brug i dine sager: { $count }
overview-rights-detail = Det kan du kræve af kommunen
overview-online-detail = QR-kode til din telefon

## Dine data
areas-heading = Dine data
areas-explain = Kommunen har data om dig i disse områder. Vælg et område.
areas-count = Oplysninger: { $count }
areas-none = Kommunen har ingen data om dig.
categories-explain = Vælg en oplysning for at se, hvorfor kommunen har den.
categories-updated = Opdateret { $date }
categories-special = Følsom oplysning
category-values = Det står der
category-masked = (skjult af hensyn til dit privatliv)
category-special-explain = Dette er følsomme oplysninger. Loven beskytter dem ekstra.
category-purpose = Hvorfor kommunen har det
category-legal-basis = Lovgrundlag
category-retention = Hvor længe det gemmes
category-delete-on = Slettes
category-no-delete-date = Der er ingen slettedato. Loven siger, at det skal gemmes.
category-origin = Hvor det kommer fra
category-recipients = Hvem det deles med
category-no-recipients = Det deles ikke med andre.
category-system = Hvilket it-system
category-updated = Senest opdateret
origin-citizen = Fra dig selv
origin-cpr = Fra CPR-registret
origin-authority = Fra en anden myndighed: { $name }

## Formål
purposes-none = Der er ingen formål at vise.
purpose-categories = Disse data bruges
purpose-object = Sådan gør du indsigelse

## Hvem har set dine data
log-col-when = Hvornår · hvad
log-col-who = Hvem
log-col-what = Hvilke data
log-col-why = Hvorfor
log-count = { $n ->
    [one] 1 opslag, nyeste først
   *[other] { $count } opslag, nyeste først
}
log-newest-first = Nyeste først
log-empty = Der er ingen opslag, der passer. Tryk F for at ændre filtrene eller C for at fjerne dem.
log-retry = Gå op eller ned for at prøve igen.
log-batch = Samlet kørsel · poster: { $records }
action-viewed = Set
action-created = Oprettet
action-changed = Ændret
action-disclosed = Videregivet
action-exported = Udtrukket
action-viewed-explain = En medarbejder så dine data.
action-created-explain = En medarbejder skrev nye data om dig.
action-changed-explain = En medarbejder ændrede dine data.
action-disclosed-explain = Dine data blev sendt til en anden myndighed.
action-exported-explain = Dine data blev taget ud af systemet, fx til en fil eller en udskrift.
period-all = Alle
period-30-days = Sidste 30 dage
period-12-months = Sidste 12 måneder
period-5-years = Sidste 5 år
filter-all = Alle
filter-period = Periode
filter-area = Område
filter-organisation = Organisation
filter-action = Handling
filter-search = Søg
filter-no-search = intet søgeord
filter-change = Tryk for at skifte
filter-search-detail = Tryk for at skrive et søgeord
filter-clear = Fjern alle filtre
filter-show = Vis opslagene
filter-explain = Vælg hvad loggen skal vise. Listen opdateres med det samme.
search-heading = Søg i loggen
search-explain = Skriv et ord, fx et navn på en afdeling eller et sagsnummer.
search-keys = Enter søger. Esc fortryder.
entry-who = Hvem
entry-organisation = Organisation
entry-unit = Afdeling
entry-role = Rolle
entry-employee = Medarbejder
entry-employee-hidden = Medarbejderens navn vises ikke. Du har ret til at se hvornår og hvorfor, men ikke hvem.
entry-what = Hvilke data
entry-data = Data
entry-system = It-system
entry-batch = Et IT-system behandlede { $records } af dine poster i én samlet kørsel.
entry-why = Hvorfor
entry-case = Sagsnummer
entry-reference = Reference
entry-recognise = Genkender du ikke dette?
entry-report-explain = Tryk R. Så undersøger kommunen, hvem der så dine data og hvorfor.
entry-reported = Du meldte dette den { $date }. Din reference er { $reference }.
entry-report-status = Status
report-status-received = Modtaget
report-status-under_review = Under behandling
report-status-answered = Besvaret

## Bekræft
confirm-report-heading = Vil du melde, at du ikke genkender dette opslag?
confirm-report-explain = Kommunens databeskyttelsesrådgiver får besked. Rådgiveren undersøger, om opslaget var i orden.
confirm-report-yes = Ja, meld det
confirm-no = Nej, gå tilbage
confirm-withdraw-heading = Vil du trække dit samtykke tilbage?
confirm-withdraw-scope = Samtykke: { $scope }
confirm-withdraw-explain = Kommunen må så ikke længere bruge dine data til dette. Det, der allerede er sket, bliver ikke lavet om.
confirm-withdraw-yes = Ja, træk det tilbage
report-filed-title = Tak. Vi har fået din besked
report-filed-reference = Din reference er { $reference }.
report-filed-next = Kommunens databeskyttelsesrådgiver undersøger opslaget inden for 30 dage. Svaret kommer under "Dine henvendelser".
report-filed-date = Meldt den { $date }.
withdrawn-title = Dit samtykke er trukket tilbage
withdrawn-done = Kommunen har registreret det.
withdrawn-pending = Vi har gemt din besked. Den bliver sendt, så snart der er forbindelse til kommunen.
withdrawn-next = Kommunen bruger ikke længere dine data til dette formål. Systemet med dine data har fået besked. Du kan følge det under "Dine henvendelser".

## Samtykker
consents-none = Du har ikke givet nogen samtykker.
consent-active = Gælder
consent-pending = Tilbagetrækning sendt
consent-withdrawn-on = Trukket tilbage den { $date }
consent-recipient = Modtager
consent-purpose = Formål
consent-given = Givet den
consent-status = Status
consent-how-to-withdraw = Tryk W eller Enter for at trække samtykket tilbage.
consent-pending-explain = Din tilbagetrækning er på vej til kommunen.
consent-withdrawn-explain = Dette samtykke gælder ikke længere.

## Computerstøttede afgørelser
decisions-heading = Når en computer hjælper sagsbehandleren
decisions-explain = Kommunen bruger nogle it-værktøjer i sager. Et menneske træffer altid afgørelsen. Her kan du se hvordan.
decisions-none = Kommunen har ikke brugt sådanne værktøjer i dine sager.
decisions-used-on = Brugt den { $date }
decision-used-on = Brugt den
decision-purpose = Hvad værktøjet er til
decision-inputs = Disse af dine data blev brugt
decision-helps = Sådan hjælper det sagsbehandleren
decision-human = Et menneske bestemmer
decision-result = Resultatet for dig
decision-factors = Det havde betydning
decision-object = Sådan gør du indsigelse

## Dine rettigheder
rights-intro = Databeskyttelsesforordningen (GDPR) giver dig disse rettigheder. De er gratis at bruge.
right-access = Ret til indsigt
right-access-explain = Du må se de data, kommunen har om dig. Du må også få at vide, hvorfor kommunen har dem, og hvem der har fået dem.
right-rectification = Ret til at få rettet fejl
right-rectification-explain = Er noget forkert, skal kommunen rette det.
right-erasure = Ret til at blive slettet
right-erasure-explain = Du kan bede om at få data slettet. Kommunen må ikke slette data, som loven siger, den skal gemme.
right-restriction = Ret til begrænsning
right-restriction-explain = Du kan bede kommunen om at holde pause med at bruge dine data, mens en fejl bliver undersøgt.
right-objection = Ret til indsigelse
right-objection-explain = Du kan sige nej til, at kommunen bruger dine data til noget, som loven ikke kræver.
right-complaint = Ret til at klage
right-complaint-explain = Er du utilfreds med, hvordan kommunen bruger dine data, kan du klage til Datatilsynet.
rights-dpo = Kommunens databeskyttelsesrådgiver
rights-dpo-contact = Skriv eller ring: { $contact }
rights-datatilsynet = Datatilsynet
rights-datatilsynet-contact = Carl Jacobsens Vej 35, 2500 Valby. Telefon 33 19 32 00. dt@datatilsynet.dk · datatilsynet.dk

## Fortsæt online
online-heading = Fortsæt på din egen telefon
online-explain = Scan QR-koden med kameraet på din telefon. Du kommer til samme sted på kommunens hjemmeside. Du skal logge ind igen der.
online-or-type = Eller skriv adressen:
online-privacy = Koden indeholder ingen oplysninger om dig.
online-qr-failed = QR-koden kunne ikke laves. Skriv adressen i stedet.
online-too-small = Skærmen er for lille til QR-koden. Skriv adressen i stedet.

## Datalager og demodata
error-store-not-sqlite = { $path } er ikke en SQLite-database. Filen er ikke ændret.
error-store-newer-schema = Databasen er lavet af en nyere udgave af Indsigt (skemaversion { $found }). Denne udgave kan højst læse version { $supported }. Filen er ikke ændret.
error-store-io = Filen kan ikke læses eller skrives: { $detail }
error-store-sqlite = Databasen svarede med en fejl: { $detail }
error-store-unknown-citizen = Borgeren findes ikke i datalageret.
error-store-not-found = Det findes ikke.
error-store-forbidden = Det er ikke tilladt.
error-store-corrupt = Databasen indeholder en ugyldig værdi: { $detail }
error-demo-citizens-range = --citizens skal være mellem { $min } og { $max }. Du skrev { $got }.
error-demo-heavy-events-range = --heavy-events må højst være { $max }. Du skrev { $got }.
error-demo-events-per-citizen-range = --events-per-citizen må højst være { $max }. Du skrev { $got }.
error-demo-too-many-events = Det giver { $total } opslag i alt. Højst { $max } er tilladt.
error-demo-out-exists = { $path } findes allerede. Vælg en anden sti, eller brug --force for at overskrive.
error-demo-out-unwritable = Kan ikke skrive { $path }: { $detail }. Der er ikke efterladt nogen fil.
demo-data-written = Skrev { $path }: { $citizens } borgere, { $categories } slags oplysninger, { $events } opslag ({ $deferred } udsatte), { $consents } samtykker, { $decisions } computerstøttede afgørelser. Borgeren med den store log: { $heavy }.

## Rul
hint-scroll-up = Rul op
hint-scroll-down = Rul
help-scroll-up = Rul teksten op.
help-scroll-down = Rul teksten ned.
help-scroll-page-up = Rul en side op.
help-scroll-page-down = Rul en side ned.

## Formål
purposes-heading = Det bruger kommunen dine data til
purposes-explain = Vælg et formål for at se lovgrundlaget, og hvordan du gør indsigelse.


## Sikkerhed og privatliv
title-operator = Operatør
hint-contrast = Kontrast
hint-hide = Skjul
hint-reveal = Vis skjult
hint-operator = Operatør
help-contrast = Slå stærk kontrast til eller fra. Teksten bliver lettere at læse.
help-hide = Skjul skærmen med det samme, fx hvis nogen kigger med.
help-reveal = Vis en skjult oplysning. Tryk igen for den næste. Den skjules igen, når du går videre.
help-operator = Kun for personale: afslut kiosken med en PIN-kode.
category-revealed = (vises nu)
category-reveal-how = Følsomme oplysninger er skjult. Tryk V for at vise dem én ad gangen.
blind-hidden = Skærmen er skjult. Tryk H for at vise den igen.
blind-confirm = Vil du vise skærmen igen?
blind-show = Ja, vis skærmen
blind-keep = Nej, hold den skjult
warning-idle-title = Er du her stadig?
warning-idle-ends = Du bliver logget ud om { $seconds } sekunder, fordi der ikke er sket noget.
warning-idle-continue = Tryk på en tast eller på skærmen for at fortsætte.
warning-cap-title = Tiden er snart gået
warning-cap-ends = Du bliver logget ud om { $seconds } sekunder. Af sikkerhedshensyn varer et besøg højst 20 minutter.
warning-cap-continue = Du kan logge ind igen bagefter. Tryk på en tast for at lukke denne besked.
operator-heading = Afslut kiosken
operator-explain = Kun for personale. Skriv PIN-koden og tryk Enter.
operator-pin = PIN-kode
operator-checking = Tjekker …
operator-wrong = Forkert PIN-kode.
operator-wait = Forkert PIN-kode. Vent { $seconds } sekunder, før du prøver igen.
operator-keys = Enter tjekker. Esc går tilbage.
app-crashed = Kiosken stødte på en fejl. Den starter forfra, og intet om dig er gemt.
cli-bad-pin = PIN-koden skal være 4 til 12 cifre. Skriv den på standard-input.

## Log ind på telefonen (MitID)
device-heading = Log ind med MitID på din egen telefon
device-step-scan = 1. Scan QR-koden med kameraet på din telefon.
device-step-compare = 2. Tjek at din telefon viser denne kode:
device-code-text = Koden er { $code }.
device-step-approve = 3. Log ind med MitID og godkend. Du skal ikke skrive noget her.
device-or-open = Har du ikke en telefon med kamera? Åbn adressen og skriv koden:
device-expires = Koden udløber om { $time }.
device-cancel = Tryk Esc for at gå tilbage.
device-qr-too-small = Skærmen er for lille til QR-koden. Brug adressen og koden nedenfor.
device-starting = Henter en kode …
device-denied = Du sagde nej på din telefon
device-expired = Koden er udløbet
device-again = Tryk Enter for at prøve igen, eller Esc for at gå tilbage.
auth-error-unreachable = Vi kan ikke få forbindelse til MitID-login lige nu. Prøv igen om lidt.
auth-error-no-device-endpoint = Kommunens login understøtter ikke login på telefonen. Spørg personalet.
auth-error-malformed = Kommunens login sendte et svar, vi ikke kan læse. Spørg personalet.
auth-error-refused = Kommunens login afviste kiosken. Spørg personalet.

## HTTP-datakilden
app-error-http-source = Forbindelsen til kommunens system kunne ikke sættes op: { $detail }

## indsigt serve
config-error-bad-ingest-key = { $origin }: element { $index } i `{ $key }` skal have system (et navn) og key_sha256 (64 hex-cifre). Det kan have webhook_url (https) og webhook_secret_file, begge eller ingen af dem. Intet andet.
serve-missing-key = `indsigt serve` kræver `{ $key }` i konfigurationen.
serve-bad-listen = `{ $value }` er ikke en adresse at lytte på (vært:port).
serve-cannot-listen = Kan ikke lytte på { $addr }: { $detail }
serve-tls = TLS-certifikatet eller -nøglen kan ikke bruges: { $detail }
serve-store = Databasen kan ikke åbnes: { $detail }
serve-listening = Lytter på { $addr } ({ $scheme }).
serve-failed = Serveren stoppede med en fejl: { $detail }
report-queued-title = Din besked er gemt
report-queued = Kiosken kan ikke nå kommunen lige nu. Din besked er gemt og bliver sendt, så snart der er forbindelse. Du får et referencenummer i din digitale post.
report-status-queued = Gemt på kiosken, sendes snart

# citizen key (lead)
error-pepper-missing = Filen med hemmeligheden til borgernøglen findes ikke: { $path }. Opret den, eller ret stien i konfigurationen.
error-pepper-unreadable = Filen med hemmeligheden til borgernøglen kan ikke læses: { $path } ({ $detail }).
error-pepper-too-short = Hemmeligheden i { $path } er for kort: { $got } byte. Den skal være mindst { $min } byte.

# kiosk (helper B)
hint-retry = Prøv igen
help-retry = Hent dit overblik igen, hvis det ikke kunne hentes.
help-interrupt = Afslut programmet med det samme (ikke på en låst kiosk).
hint-blind-ask = Vis skærmen
hint-blind-show = Ja
hint-blind-keep = Nej
help-blind-ask = Når skærmen er skjult: spørg om at vise den igen.
help-blind-show = Vis den skjulte skærm igen, når du bliver spurgt.
help-blind-keep = Hold skærmen skjult, når du bliver spurgt.
overview-failed-retry = Tryk R for at prøve igen. Du kan også åbne et punkt nedenfor.
overview-not-loaded = Ikke hentet
entry-actor-self = Det var dig selv: du så dine data på en kiosk.
entry-actor-by-custody = { $name } så dine data på en kiosk. { $name } har forældremyndighed over dig.
entry-actor-by-power-of-attorney = { $name } så dine data på en kiosk. Du har givet { $name } fuldmagt.
entry-actor-for-custody = Du så data om { $name } på en kiosk. Du har forældremyndighed.
entry-actor-for-power-of-attorney = Du så data om { $name } på en kiosk. Du har fuldmagt fra { $name }.

# catalogue (helper C)
catalogue-at = { $file }, linje { $line }:
catalogue-allowed-kinds = Tilladte slags poster: { $allowed }.
catalogue-kind-area = område
catalogue-kind-system = system
catalogue-kind-legal-basis = hjemmel
catalogue-kind-purpose = formål
catalogue-kind-category = datakategori
catalogue-kind-consent-type = samtykketype
catalogue-kind-decision-tool = beslutningsstøtteværktøj
catalogue-type-id = et id (små bogstaver a til z, tal og _, og det første tegn er et bogstav)
catalogue-type-text = en tekst på dansk og engelsk (da og en)
catalogue-type-text-list = en liste af tekster på dansk og engelsk
catalogue-type-ref = et id på en post
catalogue-type-ref-list = en liste af id'er
catalogue-type-table-list = en liste af tabeller, skrevet [[…]]
catalogue-error-unreadable = { $file }: Filen eller mappen kan ikke læses. Fejlen er: { $reason }
catalogue-error-no-files = { $dir }: Der er ingen .toml-filer i mappen.
catalogue-error-syntax = { $file }, linje { $line }, kolonne { $column }: Filen er ikke gyldig TOML. Fejlen er: { $message }
catalogue-error-invalid = { $file }: Fortegnelsen kan ikke læses: { $message }
catalogue-error-unknown-kind = Der findes ingen slags post, der hedder [[{ $key }]].
catalogue-error-unknown-key = Der findes ingen nøgle `{ $key }`.
catalogue-error-missing = `{ $key }` mangler.
catalogue-error-empty = `{ $key }` må ikke være tom.
catalogue-error-wrong-type = `{ $key }` skal være { $expected }. Den er { $found }: { $value }.
catalogue-error-not-allowed = `{ $key }` kan ikke være { $value }. Tilladt: { $allowed }.
catalogue-error-out-of-range = `{ $key }` = { $value } er uden for det tilladte. Tilladt: { $min } til { $max }.
catalogue-error-bad-id = `{ $key }` = "{ $value }" er ikke et gyldigt id. Brug små bogstaver a til z, tal og _, og start med et bogstav.
catalogue-error-duplicate = `{ $key }` = "{ $id }" er brugt to gange. Det er også brugt i { $first_file }, linje { $first_line }.
catalogue-error-unknown-ref = `{ $key }` = "{ $id }": Der findes ikke en post med dette id (type: { $kind }).
catalogue-error-retention-rule = `{ $key }` skal enten have years og after (og evt. end_of_year), eller kun as_long_as_law_requires = true.
catalogue-check-failed = { $count ->
    [one] Fortegnelsen har 1 fejl.
   *[other] Fortegnelsen har { $count } fejl.
}
catalogue-ok = OK: { $dir }. Fortegnelsen er i orden.
catalogue-summary = Områder: { $areas }. Systemer: { $systems }. Hjemler: { $legal_bases }. Formål: { $purposes }. Datakategorier: { $categories } (med { $fields } felter). Samtykketyper: { $consent_types }. Beslutningsstøtteværktøjer: { $decision_tools }.
catalogue-imported = { $dir } er indlæst i { $database } som fortegnelsens version { $version }.
catalogue-import-still-in-use = Fortegnelsen blev ikke indlæst. Den mangler poster, som borgere stadig har data i. Intet er ændret. Sæt dem ind igen, eller slet borgernes data først:
catalogue-import-in-use-item = - { $kind } "{ $id }": { $citizens ->
    [one] 1 borger
   *[other] { $citizens } borgere
}

# server (helper A)
config-error-bad-kiosk-key = { $origin }: element { $index } i `{ $key }` skal have præcis tre nøgler: id, location og key_sha256 (64 hex-cifre). To kiosker må ikke have samme id eller nøgle.
serve-issuer-mismatch = Udstederen kalder sig { $found } i sit discovery-dokument, men server.issuer er { $configured }. De skal være helt ens. Ret server.issuer.

## Ingest of holdings, consents and decision-support uses: why a record was refused (for the sending system's operator).
ingest-rejected-invalid = Posten er ikke gyldig: { $what }.
ingest-rejected-malformed-cpr = CPR-nummeret skal være ti cifre, skrevet ddmmåå-nnnn eller ddmmåånnnn.
ingest-rejected-unknown-category = Kataloget har ingen kategori { $what }.
ingest-rejected-unknown-consent-type = Kataloget har ingen samtykketype { $what }.
ingest-rejected-unknown-tool = Kataloget har intet beslutningsværktøj { $what }.
ingest-rejected-undeclared-field = Kataloget har ikke feltet { $what }.
ingest-rejected-too-long = { $what } er for lang.
ingest-rejected-wrong-system = I kataloget hører { $what } til et andet system.
ingest-rejected-bad-time = { $what } er ikke et gyldigt tidspunkt eller en gyldig dato.
ingest-rejected-unknown-system = Kataloget har ikke det system.
ingest-rejected-no-catalogue = Der er endnu ikke importeret et katalog.
ingest-rejected-foreign-record = Et andet system har allerede sendt en post med dette record_id.
ingest-no-pepper = indsigt ingest skal have `server.pepper_file` i konfigurationen: filen med hemmeligheden til borgernøglen.
ingest-unknown-kind = Ukendt slags: { $kind }. Tilladt: holdings, consents, decisions, access-events.
ingest-file-unreadable = Kan ikke læse { $path } ({ $detail }).
ingest-read-failed = Læsning af filen slog fejl ved linje { $line }. Kør kommandoen igen for at fortsætte fra den sidst gemte linje.
ingest-resumed = Fortsatte efter linje { $line }, hvor sidste kørsel stoppede.
ingest-summary = { $file }: { $accepted } taget imod, { $duplicates } dubletter (ingen ændring), { $rejected } afvist.
ingest-line-rejected = Linje { $line }: { $reason } ({ $code })
ingest-line-not-json = Linjen er ikke et JSON-objekt.
ingest-line-too-long = Linjen er for lang.
ingest-more-rejected = … og { $more } afviste linjer mere.
overview-coverage = Data fra { $count ->
    [one] 1 system
   *[other] { $count } systemer
}, senest opdateret { $date }.
overview-coverage-stale = Ikke opdateret siden { $date }: { $systems }.
overview-coverage-more = og { $count } flere
overview-coverage-never = Endnu ingen data fra: { $systems }.

# feedback (helper E)
title-feedback = Farvel
feedback-question = Var det til at forstå?
feedback-why = Dit svar hjælper os med at gøre Indsigt lettere at bruge.
feedback-privacy = Vi gemmer kun svaret, dagen og de sider, du så. Ikke hvem du er.
feedback-mostly = Ja, det meste
feedback-partly = Noget af det
feedback-hard = Nej, det var svært
feedback-skip = Spring over
feedback-report-heading = Svar på "Var det til at forstå?" i de sidste { $weeks ->
    [one] uge
   *[other] { $weeks } uger
}.
feedback-report-none = Der er ingen svar i de sidste { $weeks ->
    [one] uge
   *[other] { $weeks } uger
}.
feedback-report-group = Uge { $week }, kiosk { $kiosk }: { $total ->
    [one] 1 svar
   *[other] { $total } svar
}
feedback-report-line = { $answer }: { $percent } % ({ $count })
feedback-report-bad-weeks = --weeks skal være et tal fra 1 til { $max }. Det er { $got }.
feedback-report-no-database = Der er ingen database i { $path }. Se efter i [source] path eller [server] database.

## requests: "Dine henvendelser" (issue 12)
title-requests = Dine henvendelser
section-requests = Dine henvendelser
overview-requests-detail = Samtykker, du har trukket tilbage, og opslag, du har meldt
overview-requests-new = { $count ->
    [one] Et nyt svar til dig
   *[other] { $count } nye svar til dig
}
badge-new = Nyt
requests-heading = Dine henvendelser
requests-explain = Det, du har bedt kommunen om, og svarene. Vælg en for at læse det hele.
requests-none = Du har ikke sendt nogen henvendelser endnu.
requests-item = { $kind } · { $date } · { $status }
request-kind-withdrawal = Samtykke trukket tilbage
request-kind-report = Opslag meldt
request-status-sent = Sendt
request-status-under-review = Bliver undersøgt
request-status-answered = Besvaret
request-status-done = Udført
request-status-refused = Ikke udført
request-kind = Det bad du om
request-reference = Nummer
request-filed = Sendt den
request-handled-by = Behandles af
request-status = Status
request-updated = Senest ændret
request-answer = Svaret
request-reason = Derfor blev det ikke udført
request-next = Det sker nu
request-next-withdrawal = Systemet med dit samtykke har fået besked. Det holder op med at bruge oplysningerne. Du kan se her, når det er udført.
request-next-report = Databeskyttelsesrådgiveren har fået besked. Hun eller han undersøger, hvem der så dine oplysninger, og hvorfor. Svaret kommer her.
request-next-under-review = Databeskyttelsesrådgiveren undersøger sagen. Svaret kommer her.

## demo: adgange i `indsigt ingest` (hvorfor en adgang blev afvist, til det sendende systems drift)
ingest-event-wrong-system = Et system kan kun sende adgange med sit eget navn i `system`.
ingest-event-unknown-action = Handlingen skal være viewed, created, changed, disclosed eller exported.
ingest-event-not-configured = En adgang med et CPR-nummer kræver `server.pepper_file`.
ingest-event-unknown-citizen = Ingen borger har dette login-id.
ingest-event-unknown-area = Kataloget har ikke dette område.
ingest-event-unknown-purpose = Kataloget har ikke dette formål.

## requests: requests out to systems and the DPO, answers back (issue 12)
requests-lang-da = dansk
requests-lang-en = engelsk
requests-status-sent = sendt
requests-status-under-review = under behandling
requests-status-answered = besvaret
requests-status-done = udført
requests-status-refused = afvist
error-store-answer-lacks-language = Svaret skal have en tekst på { $lang }. Borgeren skrev på det sprog.
error-store-answer-too-long = Svaret er for langt. Det må højst være { $max } tegn.
requests-config-key-hash = { $origin }: `{ $key }` skal være en SHA-256 skrevet som 64 hex-cifre.
requests-secret-unreadable = Webhook-nøglen for { $system } kan ikke læses fra { $path }: { $detail }
requests-secret-not-whsec = Webhook-nøglen for { $system } i { $path } skal være whsec_ og så base64.
requests-secret-length = Webhook-nøglen for { $system } i { $path } skal være 24 til 64 bytes.
requests-reports-none = Der er ingen henvendelser.
requests-report-line = { $id }. { $reference }: { $status }. Sendt { $filed } på { $lang }. Om { $organisation } ({ $system }).
requests-report-entry = Opslaget: { $at }, { $organisation }, { $unit }, { $role }, system { $system }, sag { $case }.
requests-report-no-answer = Intet svar endnu.
requests-report-answer = Svar på { $lang }: { $text }
requests-report-now-under-review = Henvendelse { $reference } er nu under behandling.
requests-report-now-answered = Henvendelse { $reference } er besvaret. Borgeren ser svaret næste gang, de logger ind.
requests-failed-none = Ingen leveringer fejler.
requests-failed-line = { $reference } til { $system }: { $attempts } forsøg fejlede. Sidst { $last }: { $outcome }. { $state }
requests-failed-retrying = Næste forsøg { $at }.
requests-failed-gave-up = Opgivet { $at }. Systemet kan stadig hente den.
requests-cli-no-database = Der er ingen database i { $path }. Se [server] database.
requests-cli-unpaired = Giv --lang og --text i par, for eksempel --lang da --text "...".
requests-cli-nothing-to-do = Giv et svar med --lang og --text, eller brug --under-review.
requests-cli-no-report = Der er ingen henvendelse { $id }.
requests-cli-already-answered = Henvendelsen er besvaret. Den kan ikke gå tilbage til under behandling.

## fhir: FHIR AuditEvent ingest (POST /v1/ingest/fhir) and the catalogue's purpose codes
catalogue-kind-purpose-code = formålskode
catalogue-summary-purpose-codes = Formålskoder: { $purpose_codes }.
fhir-recorded = AuditEvent er skrevet i borgerens log.
fhir-duplicate = Denne AuditEvent er modtaget før. Intet er ændret.
fhir-not-json = Indholdet er ikke JSON.
fhir-unsupported-media-type = Send indholdet som application/fhir+json eller application/json.
fhir-too-large = Indholdet er for stort.
fhir-too-many-entries = Et bundle må højst have { $max } dele.
fhir-not-configured = Serveren kan ikke tage imod FHIR endnu: server.pepper_file er ikke sat.
fhir-wrong-resource = Dette er { $found }, ikke { $wanted }.
fhir-not-batch = Bundlet har typen { $found }. Kun typen batch bliver taget imod.
fhir-invalid = Elementet passer ikke til FHIR R4: { $detail }.
fhir-no-id = AuditEvent har intet id. Med et id bliver en gentagelse ikke talt to gange.
fhir-no-patient = AuditEvent har ingen patient (entity.role 1 eller en Patient i entity.what).
fhir-no-cpr = Patienten har ingen identifier med CPR-systemet urn:oid:1.2.208.176.1.2.
fhir-malformed-cpr = CPR-nummeret skal være ti cifre, som ddmmåå-nnnn eller ddmmåånnnn.
fhir-no-requestor = Ingen agent har requestor = true. Så vides det ikke, hvem der kiggede.
fhir-no-purpose = AuditEvent har intet formål. Angiv purposeOfUse på den agent, der spurgte, eller purposeOfEvent.
fhir-unknown-purpose = Kataloget har intet formål for koden { $code } i { $system }. Tilføj en purpose_code i kataloget.
fhir-unknown-action = Det er ikke klart, hvad der blev gjort. Angiv action C, R, U, D eller E med en FHIR restful subtype.
fhir-bad-time = recorded skal være et tidspunkt med tidszone (RFC 3339).
fhir-too-long = Teksten er længere end { $max } bytes.
fhir-wrong-system = source.observer nævner et andet system end det, API-nøglen hører til.
fhir-unknown-system = Kataloget har intet system for denne API-nøgle.
fhir-no-category = Kataloget har ingen datakategori i dette system. Så ville posten ikke have et område.
fhir-no-catalogue = Der er ikke indlæst noget katalog.

## PostgreSQL (issue 13)
error-store-postgres = PostgreSQL svarede med en fejl: { $detail }
error-store-unavailable = Databasen svarer ikke lige nu. Prøv igen om lidt.
error-pg-bad-url = server.postgres.url er ikke en adresse til PostgreSQL: { $detail }
error-pg-password-in-url = server.postgres.url indeholder en adgangskode. Skriv den i password_file eller i { $env } i stedet. Så står den aldrig i opsætningen.
error-pg-password-file = Filen med adgangskoden, { $path }, kan ikke læses: { $detail }
error-pg-ca-file = CA-certifikatet til PostgreSQL kan ikke bruges: { $detail }
error-pg-plain-over-network = server.postgres.tls = "disable" må kun bruges på denne maskine (loopback eller en socket), ikke til { $host }. Brug tls = "require".
error-pg-unreachable = PostgreSQL svarer ikke på { $host }. Kører den, og er adressen rigtig?
error-pg-wrong-password = PostgreSQL afviste adgangskoden til brugeren { $user }.
error-pg-no-database = PostgreSQL har ingen database, der hedder { $database }. Opret den først (createdb).
error-pg-tls-refused = PostgreSQL på { $host } tilbyder ikke TLS. Slå ssl til i PostgreSQL, eller brug tls = "disable" kun på denne maskine.
error-pg-bad-certificate = PostgreSQL's certifikat blev ikke godkendt: { $detail }
error-pg-other = PostgreSQL: { $detail }
config-error-required-in = { $origin }: `{ $key }` mangler. `[{ $table }]` skal have den.
config-summary-postgres = PostgreSQL svarer (version { $version }).
error-pg-no-password = PostgreSQL beder om adgangskoden til brugeren { $user }, men der er ingen. Skriv den i password_file eller i { $env }.

## Borgerens egne websider (portalen), hvor kioskens QR-kode fører hen.
portal-skip = Gå til indholdet
portal-menu = Afsnit
portal-other-language = English
portal-sign-in = Log ind med MitID
portal-sign-in-again = Log ind igen
portal-sign-out = Log ud
portal-back = Tilbage
portal-landing-title = Se hvad kommunen ved om dig
portal-landing-explain = Her kan du se de oplysninger, kommunen har om dig. Du kan se, hvad de bruges til, og hvem der har set dem.
portal-landing-phone = Du logger ind med MitID. Ingen andre kan se dine oplysninger her.
portal-landing-privacy = Når du logger ind, får siden dit navn og dit CPR-nummer fra MitID. Intet gemmes på din telefon.
portal-expired = Du blev logget ud, fordi du var væk et stykke tid. Log ind igen for at komme tilbage til siden.
portal-signin-failed-title = Du blev ikke logget ind
portal-signin-failed = Vi kunne ikke logge dig ind. Intet blev gemt.
portal-signin-failed-next = Prøv igen. Spørg i Borgerservice, hvis det bliver ved med at gå galt.
portal-signin-unreachable = Vi kan ikke få forbindelse til MitID lige nu. Prøv igen om et par minutter.
portal-signed-out-title = Du er logget ud
portal-signed-out = Du er logget ud. Siden viser ikke længere dine oplysninger. Du kan lukke den.
portal-off-title = Websiderne er ikke sat op
portal-off = Kommunen har ikke sat siderne op endnu. Brug en kiosk, eller spørg i Borgerservice.
portal-not-found-title = Ikke fundet
portal-not-found = Vi kunne ikke finde siden. Den er måske fjernet.
portal-unavailable-title = Ikke tilgængelig lige nu
portal-unavailable = Vi kan ikke få forbindelse til kommunens systemer lige nu. Prøv igen om et par minutter.
portal-error-title = Noget gik galt
portal-error = Noget gik galt hos os. Intet blev ændret. Prøv igen senere.
portal-csrf-title = Formularen var for gammel
portal-csrf = Intet blev ændret. Gå tilbage og prøv igen.
portal-title-systems = Tilsluttede systemer
portal-systems-detail = Hvilke IT-systemer oplysningerne kommer fra
portal-systems-explain = Det er de IT-systemer, der sender oplysninger til denne oversigt. Har et system ikke sendt noget i et stykke tid, kan oplysningerne være forældede.
portal-systems-none = Ingen systemer har sendt oplysninger endnu.
portal-system-last = Sendte sidst oplysninger
portal-system-never = Aldrig
portal-system-stale = Ikke opdateret i et stykke tid
portal-title-copy = En kopi af dine oplysninger
portal-copy-detail = Hent alt, hvad der står på siderne
portal-copy-explain = Du har ret til en kopi af dine oplysninger. Den indeholder alt, hvad du kan se på siderne.
portal-copy-phone = Gem filen et sikkert sted. Den indeholder dine personlige oplysninger.
portal-copy-html = En side, du kan udskrive eller gemme
portal-copy-json = En fil til andre programmer (JSON)
portal-copy-note = Filens format er beskrevet i kommunens vejledning til Indsigt.
portal-copy-html-title = Dine oplysninger
portal-copy-made = Lavet den
portal-category-about = Om oplysningerne
portal-plainly = Med almindelige ord
portal-reveal = Vis
portal-consents-explain = Hvis du trækker et samtykke tilbage, holder kommunen op med at bruge dine oplysninger til det formål.
portal-withdraw = Træk samtykket tilbage
portal-requests-explain = Det, du har bedt kommunen om, og svarene.
portal-log-explain = Hver gang en medarbejder eller et IT-system ser eller ændrer dine oplysninger, bliver det skrevet her.
portal-log-empty = Ingen linjer passer. Ændr filtrene, eller fjern dem.
portal-log-older-page = Ældre linjer
portal-older = Vis ældre linjer
portal-filter-unread = Nogle af filtrene kunne ikke læses. De blev udeladt.
portal-from = Fra dato
portal-to = Til dato
portal-when = Hvornår
portal-entry-title = En linje i loggen
portal-report = Jeg genkender det ikke
portal-report-explain = Fortæl os det, hvis du ikke genkender det. Databeskyttelsesrådgiveren finder ud af, hvem der så dine oplysninger, og hvorfor.

## Read-aloud
hint-read-aloud = Læs op
help-read-aloud = Læs skærmen højt. Tryk på en vilkårlig tast for at stoppe.
hint-speech-faster = Hurtigere
help-speech-faster = Læs hurtigere op.
hint-speech-slower = Langsommere
help-speech-slower = Læs langsommere op.
speech-title = Oplæsning
speech-unavailable = Oplæsning findes ikke på denne kiosk.
speech-failed = Oplæsningen virkede ikke.
speech-goes-on = Du kan bruge skærmen som før.
speech-headset = Dine egne oplysninger læses kun op i et headset. Spørg personalet om en skærm med headset.
speech-keys = Taster: { $keys }.

# Whose data: acting for someone else
title-choose-who = Hvis data?
choose-who-question = Hvis data vil du se?
choose-who-why = Du må også se data for andre. Vælg, hvem du vil se data for nu.
choose-who-myself = Mine egne data
choose-who-myself-detail = Det, kommunen ved om dig
choose-who-custody = Dit barn. Du har forældremyndighed.
choose-who-attorney-act = Du har fuldmagt. Du må se og handle.
choose-who-attorney-see = Du har fuldmagt. Du må se, ikke handle.
banner-acting-custody = Du ser data om { $name }. Du har forældremyndighed.
banner-acting-attorney-act = Du ser data om { $name }. Du har fuldmagt til at se og handle.
banner-acting-attorney-see = Du ser data om { $name }. Din fuldmagt giver lov til at se.
consent-withdraw-not-covered = Din fuldmagt giver ikke lov til at trække samtykker tilbage. Personen kan selv gøre det.
entry-report-not-covered = Din fuldmagt giver ikke lov til at melde en linje. Personen kan selv gøre det.
online-own-data-only = På hjemmesiden ser du dine egne data. Andres data kan du kun se her på kiosken.
error-source-forbidden = Det har du ikke lov til her. Spørg en medarbejder, hvis du mener, det er en fejl.
entry-actor-assisted = En medarbejder i Borgerservice åbnede besøget, efter at have tjekket dit ID. Derefter så du dine data.

# Sign-in with a member of staff
hint-staff-sign-in = Ingen MitID på telefonen
help-staff-sign-in = Har du ikke MitID på din telefon? En medarbejder kan logge ind og åbne besøget for dig.
hint-open-visit = Åbn besøget
help-open-visit = Åbner besøget for borgeren med det CPR-nummer, der er tastet.
device-no-mitid = Har du ikke MitID på din telefon? Spørg en medarbejder. Tryk S.
staff-device-heading = Login for en medarbejder
staff-device-step-scan = 1. Medarbejderen scanner QR-koden med sin egen telefon.
staff-device-step-compare = 2. Tjek, at telefonen viser denne kode:
staff-device-step-approve = 3. Log ind med din medarbejderkonto og godkend.
title-staff-cpr = Borgerens CPR-nummer
staff-cpr-heading = Borgerens CPR-nummer
staff-cpr-check-id = Tjek først borgerens ID, fx pas eller kørekort.
staff-cpr-type = Tast derefter borgerens CPR-nummer. Tallene vises ikke.
staff-cpr-opening = Besøget åbnes …
staff-cpr-keys = Tryk Enter for at åbne besøget. Tryk Esc for at stoppe.
staff-cpr-log = Borgerens log viser, at en medarbejder åbnede besøget. Kommunen gemmer, hvem du er.
staff-cpr-incomplete = Tast alle 10 cifre i CPR-nummeret.
staff-refused-role = Din medarbejderkonto må ikke åbne besøg for borgere.
staff-refused-kiosk = Denne kiosk er ikke sat op til login med en medarbejder.
staff-unknown-cpr = Kommunen kender ikke dette CPR-nummer. Tjek nummeret, og tast det igen.
staff-failed = Besøget kunne ikke åbnes lige nu. Prøv igen om lidt.
overview-data-about = Data om { $name }
