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
