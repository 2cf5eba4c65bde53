"""The demo accounts, shown on the login page only in demo mode."""

DEMO_PASSWORD = "Fremdrift-demo-2026"
