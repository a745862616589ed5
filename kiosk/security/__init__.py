"""PINs, the audit trail and at-rest encryption of the gallery."""
