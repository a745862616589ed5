"""The one door to the engine: KioskService and the settings; the UI and the CLI use only this."""
