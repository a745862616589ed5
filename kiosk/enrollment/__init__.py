"""Turning three photos into a person's templates (the wizard's logic without Qt)."""
