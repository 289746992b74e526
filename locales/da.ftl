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
cli-not-available = Kommandoen { $command } findes ikke i denne version endnu.
