"""Arabic text helpers shared by every stage (pure functions, no I/O)."""
