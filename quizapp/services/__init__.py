"""What the UI and the command line call: pack library, learning flow, grading, teacher services."""
