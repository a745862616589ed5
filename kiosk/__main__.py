import sys

from kiosk.commands.main import main

sys.exit(main())
