"""Load test of the Complaint Management System, written for Debian's Locust (python3-locust 2.12).

Users behave like the real ones: the reporter bot (service token), porters, admins, dashboards
holding a WebSocket, and a monitoring scraper. Before the run it creates its own staff accounts and
tops the database up to a realistic volume through the API; after the run it checks the data it
wrote and the scenario's pass/fail targets, and exits non-zero when one is missed.

    cd load_tests && locust -f test_complaints_load.py --host=http://localhost:8000
    locust -f load_tests/test_complaints_load.py --host=http://localhost:8000 \\
        --headless -u 50 -r 5 -t 30s

Credentials come from the variables the service itself reads: COMPLAINTS_ADMIN_EMAIL,
COMPLAINTS_ADMIN_PASSWORD and COMPLAINTS_SERVICE_TOKEN. Porters and admins take their moves from
the `allowed_transitions` and `can_assign` of each complaint, which the server must send. The parts
live in the package `complaints_load` beside this file; see README.md next to it.
"""

from locust import events

from complaints_load.context import RunContext
from complaints_load.dashboard import Dashboard
from complaints_load.lifecycle import Lifecycle
from complaints_load.users import Admin, ApiUser, Monitoring, Porter, ReporterBot

# Locust runs the user classes it finds in this module; they share this one run context.
run = RunContext()
ApiUser.run_context = run
Lifecycle(run, {"bot": ReporterBot, "porter": Porter, "admin": Admin, "dashboard": Dashboard}
          ).install(events)

__all__ = ["Admin", "Dashboard", "Monitoring", "Porter", "ReporterBot"]
