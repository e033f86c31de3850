"""The load test's parts; `test_complaints_load.py` beside this package is the Locust entry point.

- `catalog`: what the test's complaints and photos look like.
- `context`: the run context: accounts obtained once, and what the run wrote.
- `contract`: what a complaint answer says its caller may do (`allowed_transitions`,
  `can_assign`).
- `options`, `scenarios`: command-line options; user mix, pace and pass/fail targets per scenario.
- `accounts`, `seeding`: logins, staff accounts and data volume before the run.
- `users`, `dashboard`: the simulated users.
- `verdict`, `integrity`: the targets and the data check after the run.
- `lifecycle`: Locust's events wired to the above.
"""
