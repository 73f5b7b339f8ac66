"""Worker processes: one supervisor that starts, watches, kills and replaces them, the
pipes they answer on, and a pool of rendering workers that run tasks with deadlines."""
