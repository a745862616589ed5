"""Who is this: matching, the decision, live tracking, liveness, the PIN check-in."""
