"""Small shared pieces every layer may use: atomic files, the worker-ID rule, errors."""
