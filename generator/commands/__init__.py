"""One module per command of the cluster-plans CLI."""
