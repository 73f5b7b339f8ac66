"""The `shaderbank` command: one module per command group."""
