"""Open the attendance kiosk: `python main.py [--kiosk] [--camera SRC] [--data-dir DIR]`."""
import sys

from kiosk.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
