"""Open the attendance kiosk: `python main.py [--kiosk] [--camera SRC] [--data-dir DIR]`, or the
HR desk (HR screens and enrollment, no live camera page): `python main.py --hr [--camera SRC]`."""
import sys

from kiosk.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
