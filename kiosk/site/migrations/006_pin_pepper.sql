-- The site's check-in PIN pepper (kiosk.site.pin_secret): the server keeps only the secret's
-- fingerprint, so its database alone gives no PIN; each kiosk holds the secret in its key store.
ALTER TABLE site_identity ADD COLUMN pin_pepper_id text;
