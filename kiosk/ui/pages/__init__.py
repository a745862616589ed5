"""One QWidget per workflow: live recognition, HR (employees, attendance, statistics, expert)."""
