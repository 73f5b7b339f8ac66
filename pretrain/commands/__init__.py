"""One module per `pretrain` command: add_parser(subparsers) and run(args)."""
