-- Schema step 8 (helper demo): no CPR number in clear, in databases written before the citizen key.
--
-- Until now `indsigt demo-data` kept its made-up CPR numbers in clear in `citizens.cpr` and, as field values,
-- in `holding_values` and the old `category_fields`. Ingest has always kept only the masked form there. This
-- step masks what is left (`ddmmyy-nnnn` or `ddmmyynnnn` with a day 01–31 and a month 01–12, the rule of
-- `src/ingest/cpr.rs`, becomes `ddmmyy-••••`), so every database holds what ingest would have kept: a citizen
-- is still found by their id, subject or citizen key, and sees their birth date part as before.
--
-- The old per-citizen tables of step 1 (`categories`, `category_fields`, `category_purposes`,
-- `category_recipients`, `consents`, `decision_support`, `decision_inputs`, `decision_factors`) are no longer
-- written or read by the program. They are kept: rows written before the catalogue existed name no catalogue
-- entry, so they cannot be moved into `holdings`, `citizen_consents` or `decision_uses` without loss.

-- Overwrite, not just unlink, the old cell contents, so the numbers do not linger in free space.
PRAGMA secure_delete = ON;

UPDATE citizens SET cpr = substr(cpr, 1, 6) || '-••••'
WHERE (cpr GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'
       OR cpr GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')
  AND CAST(substr(cpr, 1, 2) AS INTEGER) BETWEEN 1 AND 31
  AND CAST(substr(cpr, 3, 2) AS INTEGER) BETWEEN 1 AND 12;

UPDATE holding_values SET value_da = substr(value_da, 1, 6) || '-••••'
WHERE (value_da GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'
       OR value_da GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')
  AND CAST(substr(value_da, 1, 2) AS INTEGER) BETWEEN 1 AND 31
  AND CAST(substr(value_da, 3, 2) AS INTEGER) BETWEEN 1 AND 12;

UPDATE holding_values SET value_en = substr(value_en, 1, 6) || '-••••'
WHERE (value_en GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'
       OR value_en GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')
  AND CAST(substr(value_en, 1, 2) AS INTEGER) BETWEEN 1 AND 31
  AND CAST(substr(value_en, 3, 2) AS INTEGER) BETWEEN 1 AND 12;

UPDATE category_fields SET value_da = substr(value_da, 1, 6) || '-••••'
WHERE (value_da GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'
       OR value_da GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')
  AND CAST(substr(value_da, 1, 2) AS INTEGER) BETWEEN 1 AND 31
  AND CAST(substr(value_da, 3, 2) AS INTEGER) BETWEEN 1 AND 12;

UPDATE category_fields SET value_en = substr(value_en, 1, 6) || '-••••'
WHERE (value_en GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'
       OR value_en GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')
  AND CAST(substr(value_en, 1, 2) AS INTEGER) BETWEEN 1 AND 31
  AND CAST(substr(value_en, 3, 2) AS INTEGER) BETWEEN 1 AND 12;

PRAGMA secure_delete = OFF;
