from journeyops_cli.cli import main

main()
