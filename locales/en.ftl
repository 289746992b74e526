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
