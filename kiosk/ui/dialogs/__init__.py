"""Dialogs: PIN entry, CSV export, the enrollment wizard."""
