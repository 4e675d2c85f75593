"""The command line over the services; its interface is a contract (see README)."""
